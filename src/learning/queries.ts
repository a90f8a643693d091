// The only place learning progress touches the database. The lesson page and lesson
// completion are hot paths: synchronous statements on the direct SQL route
// (src/db/direct.ts); the rest uses Prisma.
import type { Db, DbClient } from "../db/client.js";
import { type SyncSql, withSql } from "../db/direct.js";
import type { SubmittedAttempt } from "./progress.js";

export type EnrolmentRecord = {
  userId: string;
  courseId: string;
  enrolledAt: Date;
  lastModuleId: string | null;
  lastLessonId: string | null;
  lastVisitedAt: Date | null;
};
export type LessonKey = { userId: string; courseId: string; moduleId: string; lessonId: string };

export function findEnrolment(db: DbClient, userId: string, courseId: string): Promise<EnrolmentRecord | null> {
  return db.enrolment.findUnique({ where: { userId_courseId: { userId, courseId } } });
}

export function listEnrolments(db: DbClient, userId: string): Promise<EnrolmentRecord[]> {
  return db.enrolment.findMany({ where: { userId }, orderBy: [{ lastVisitedAt: "desc" }, { enrolledAt: "desc" }] });
}

/** Idempotent: enrolling twice keeps the first date. */
export function ensureEnrolment(sql: SyncSql, userId: string, courseId: string, now: Date): void {
  sql.run(`INSERT INTO "Enrolment" ("userId", "courseId", "enrolledAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [
    userId,
    courseId,
    now,
  ]);
}

/**
 * A lesson page for a signed-in learner: the lessons they have done in the course, and
 * "continue where you left off" remembered — written only when it changes, and only
 * for enrolled learners.
 */
export function visitLessonPage(
  db: Db,
  userId: string,
  courseId: string,
  moduleId: string,
  lessonId: string,
  now: Date,
): Promise<{ moduleId: string; lessonId: string }[]> {
  return withSql(db, (sql) => {
    const [enrolment] = sql.rows(
      `SELECT "lastModuleId", "lastLessonId" FROM "Enrolment" WHERE "userId" = ? AND "courseId" = ?`,
      [userId, courseId],
    );
    if (enrolment && (enrolment.lastModuleId !== moduleId || enrolment.lastLessonId !== lessonId)) {
      sql.run(
        `UPDATE "Enrolment" SET "lastModuleId" = ?, "lastLessonId" = ?, "lastVisitedAt" = ? WHERE "userId" = ? AND "courseId" = ?`,
        [moduleId, lessonId, now, userId, courseId],
      );
    }
    return sql
      .rows(`SELECT "moduleId", "lessonId" FROM "LessonProgress" WHERE "userId" = ? AND "courseId" = ?`, [
        userId,
        courseId,
      ])
      .map((r) => ({ moduleId: String(r.moduleId), lessonId: String(r.lessonId) }));
  });
}

export function listCompletedLessons(
  db: Db,
  userId: string,
  courseId: string,
): Promise<{ moduleId: string; lessonId: string }[]> {
  return withSql(db, (sql) =>
    sql
      .rows(`SELECT "moduleId", "lessonId" FROM "LessonProgress" WHERE "userId" = ? AND "courseId" = ?`, [
        userId,
        courseId,
      ])
      .map((r) => ({ moduleId: String(r.moduleId), lessonId: String(r.lessonId) })),
  );
}

/** Idempotent: a burst of clicks leaves one row (the primary key decides). */
export function markLessonComplete(sql: SyncSql, key: LessonKey, now: Date): void {
  sql.run(
    `INSERT INTO "LessonProgress" ("userId", "courseId", "moduleId", "lessonId", "completedAt") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [key.userId, key.courseId, key.moduleId, key.lessonId, now],
  );
}

export function unmarkLessonComplete(sql: SyncSql, key: LessonKey): void {
  sql.run(`DELETE FROM "LessonProgress" WHERE "userId" = ? AND "courseId" = ? AND "moduleId" = ? AND "lessonId" = ?`, [
    key.userId,
    key.courseId,
    key.moduleId,
    key.lessonId,
  ]);
}

export async function listSubmittedAttempts(
  db: DbClient,
  userId: string,
  courseId: string,
): Promise<SubmittedAttempt[]> {
  const rows = await db.quizAttempt.findMany({
    where: { userId, courseId, submittedAt: { not: null } },
    orderBy: { number: "asc" },
    select: { moduleId: true, quizId: true, score: true, passed: true },
  });
  return rows.map((r) => ({ moduleId: r.moduleId, quizId: r.quizId, score: r.score ?? 0, passed: r.passed ?? false }));
}

export async function listSavedExerciseModules(db: DbClient, userId: string, courseId: string): Promise<string[]> {
  const rows = await db.exerciseResponse.findMany({
    where: { userId, courseId, NOT: { text: "" } },
    select: { moduleId: true },
  });
  return rows.map((r) => r.moduleId);
}

export type ExerciseKey = { userId: string; courseId: string; moduleId: string; exerciseId: string };

export function findExerciseResponse(db: DbClient, key: ExerciseKey) {
  return db.exerciseResponse.findUnique({ where: { userId_courseId_moduleId_exerciseId: key } });
}

/** Insert or replace the reflection (autosave sends it every few seconds). */
export function saveExerciseResponse(sql: SyncSql, key: ExerciseKey, text: string, now: Date): void {
  sql.run(
    `INSERT INTO "ExerciseResponse" ("userId", "courseId", "moduleId", "exerciseId", "text", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT ("userId", "courseId", "moduleId", "exerciseId") DO UPDATE SET "text" = excluded."text", "updatedAt" = excluded."updatedAt"`,
    [key.userId, key.courseId, key.moduleId, key.exerciseId, text, now],
  );
}
