// The only place learning progress touches the database.
import type { DbClient } from "../db/client.js";
import type { SubmittedAttempt } from "./progress.js";

export type EnrolmentRecord = { userId: string; courseId: string; enrolledAt: Date; lastModuleId: string | null; lastLessonId: string | null; lastVisitedAt: Date | null };

export function findEnrolment(db: DbClient, userId: string, courseId: string): Promise<EnrolmentRecord | null> {
  return db.enrolment.findUnique({ where: { userId_courseId: { userId, courseId } } });
}

export function listEnrolments(db: DbClient, userId: string): Promise<EnrolmentRecord[]> {
  return db.enrolment.findMany({ where: { userId }, orderBy: [{ lastVisitedAt: "desc" }, { enrolledAt: "desc" }] });
}

/** Idempotent: enrolling twice keeps the first date. */
export async function ensureEnrolment(db: DbClient, userId: string, courseId: string, now: Date): Promise<void> {
  await db.enrolment.upsert({ where: { userId_courseId: { userId, courseId } }, create: { userId, courseId, enrolledAt: now }, update: {} });
}

/** Remembers the lesson for "continue where you left off"; a no-op when not enrolled. */
export async function recordLessonVisit(db: DbClient, userId: string, courseId: string, moduleId: string, lessonId: string, now: Date): Promise<void> {
  await db.enrolment.updateMany({
    where: { userId, courseId, OR: [{ lastLessonId: null }, { NOT: { lastLessonId: lessonId } }, { NOT: { lastModuleId: moduleId } }] },
    data: { lastModuleId: moduleId, lastLessonId: lessonId, lastVisitedAt: now },
  });
}

export async function listCompletedLessons(db: DbClient, userId: string, courseId: string): Promise<{ moduleId: string; lessonId: string }[]> {
  return db.lessonProgress.findMany({ where: { userId, courseId }, select: { moduleId: true, lessonId: true } });
}

/** Idempotent: a burst of clicks leaves one row (the primary key decides). */
export async function markLessonComplete(db: DbClient, key: { userId: string; courseId: string; moduleId: string; lessonId: string }, now: Date): Promise<void> {
  await db.lessonProgress.upsert({ where: { userId_courseId_moduleId_lessonId: key }, create: { ...key, completedAt: now }, update: {} });
}

export async function unmarkLessonComplete(db: DbClient, key: { userId: string; courseId: string; moduleId: string; lessonId: string }): Promise<void> {
  await db.lessonProgress.deleteMany({ where: key });
}

export async function listSubmittedAttempts(db: DbClient, userId: string, courseId: string): Promise<SubmittedAttempt[]> {
  const rows = await db.quizAttempt.findMany({
    where: { userId, courseId, submittedAt: { not: null } },
    orderBy: { number: "asc" },
    select: { moduleId: true, quizId: true, score: true, passed: true },
  });
  return rows.map((r) => ({ moduleId: r.moduleId, quizId: r.quizId, score: r.score ?? 0, passed: r.passed ?? false }));
}

export async function listSavedExerciseModules(db: DbClient, userId: string, courseId: string): Promise<string[]> {
  const rows = await db.exerciseResponse.findMany({ where: { userId, courseId, NOT: { text: "" } }, select: { moduleId: true } });
  return rows.map((r) => r.moduleId);
}

export function findExerciseResponse(db: DbClient, key: { userId: string; courseId: string; moduleId: string; exerciseId: string }) {
  return db.exerciseResponse.findUnique({ where: { userId_courseId_moduleId_exerciseId: key } });
}

export async function saveExerciseResponse(db: DbClient, key: { userId: string; courseId: string; moduleId: string; exerciseId: string }, text: string, now: Date): Promise<void> {
  await db.exerciseResponse.upsert({ where: { userId_courseId_moduleId_exerciseId: key }, create: { ...key, text, updatedAt: now }, update: { text, updatedAt: now } });
}
