// Learning rules: enrolment, lesson completion, "continue where you left off" (next-step.ts), private
// reflections. Sequential courses refuse progress in a locked module, on the server.
import type { Catalog, Course, Lesson, Module } from "../courses/catalog.js";
import { inTransaction, withSql } from "../db/direct.js";
import type { AppDeps } from "../deps.js";
import { forbidden } from "../web/errors.js";
import { type NextStep, nextStep } from "./next-step.js";
import { type CourseProgress, computeProgress, lessonKey } from "./progress.js";
import * as q from "./queries.js";

type Deps = Pick<AppDeps, "db" | "clock">;

export async function loadProgress(
  { db }: Pick<AppDeps, "db">,
  userId: string,
  course: Course,
): Promise<CourseProgress> {
  const [lessons, attempts, exercises] = await Promise.all([
    q.listCompletedLessons(db, userId, course.id),
    q.listSubmittedAttempts(db, userId, course.id),
    q.listSavedExerciseModules(db, userId, course.id),
  ]);
  return computeProgress(course, {
    completedLessons: new Set(lessons.map((l) => lessonKey(l.moduleId, l.lessonId))),
    attempts,
    exercisesSaved: new Set(exercises),
  });
}

/** Only the lessons done — all a lesson page needs (one query on the hottest page). */
export async function loadLessonsDone(
  { db }: Pick<AppDeps, "db">,
  userId: string,
  courseId: string,
): Promise<Set<string>> {
  return new Set((await q.listCompletedLessons(db, userId, courseId)).map((l) => lessonKey(l.moduleId, l.lessonId)));
}

/** The course page for a signed-in learner: progress, and for the enrolled what to do next. */
export async function learnerStanding(
  deps: Pick<AppDeps, "db">,
  userId: string,
  course: Course,
): Promise<{ progress: CourseProgress; enrolled: boolean; next: NextStep | null }> {
  const [progress, enrolment] = await Promise.all([
    loadProgress(deps, userId, course),
    q.findEnrolment(deps.db, userId, course.id),
  ]);
  return {
    progress,
    enrolled: enrolment !== null,
    next: enrolment ? nextStep(course, progress, enrolment.lastModuleId) : null,
  };
}

export async function enrol({ db, clock }: Deps, userId: string, course: Course): Promise<void> {
  await withSql(db, (sql) => q.ensureEnrolment(sql, userId, course.id, clock.now()));
}

/** Throws 403 with the reason when a sequential course has not opened this module yet. */
export async function assertModuleOpen(deps: Deps, userId: string, course: Course, module: Module): Promise<void> {
  if (course.order !== "sequential") return;
  const lockedBy = (await loadProgress(deps, userId, course)).byModule.get(module.id)?.lockedBy;
  if (lockedBy) throw forbidden("learning.locked", { module: lockedBy.title });
}

export async function setLessonCompletion(
  deps: Deps,
  userId: string,
  course: Course,
  module: Module,
  lesson: Lesson,
  done: boolean,
): Promise<void> {
  await assertModuleOpen(deps, userId, course, module);
  const key = { userId, courseId: course.id, moduleId: module.id, lessonId: lesson.id };
  const now = deps.clock.now();
  await inTransaction(deps.db, (sql) => {
    q.ensureEnrolment(sql, userId, course.id, now);
    if (done) q.markLessonComplete(sql, key, now);
    else q.unmarkLessonComplete(sql, key);
  });
}

/** The lesson page's data for a learner: lessons done (keys), and the visit remembered. */
export async function visitLesson({ db, clock }: Deps, userId: string, lesson: Lesson): Promise<Set<string>> {
  const done = await q.visitLessonPage(db, userId, lesson.courseId, lesson.moduleId, lesson.id, clock.now());
  return new Set(done.map((l) => lessonKey(l.moduleId, l.lessonId)));
}

export type LearningEntry = {
  course: Course;
  progress: CourseProgress;
  next: NextStep;
  lastVisitedAt: Date | null;
};

/**
 * "My learning": every enrolled course still in the catalog, most recently used first,
 * each in the learner's language (`inLanguage`; ids are shared, so progress is the same).
 */
export async function myLearning(
  deps: Deps,
  userId: string,
  catalog: Catalog,
  inLanguage: (course: Course) => Course = (course) => course,
): Promise<LearningEntry[]> {
  const enrolments = await q.listEnrolments(deps.db, userId);
  const entries: LearningEntry[] = [];
  for (const enrolment of enrolments) {
    const source = catalog.courseById.get(enrolment.courseId);
    if (source?.status !== "published") continue;
    const course = inLanguage(source);
    const progress = await loadProgress(deps, userId, course);
    entries.push({
      course,
      progress,
      next: nextStep(course, progress, enrolment.lastModuleId),
      lastVisitedAt: enrolment.lastVisitedAt,
    });
  }
  return entries;
}

export const EXERCISE_MAX_LENGTH = 20_000;

export async function loadExercise({ db }: Pick<AppDeps, "db">, userId: string, module: Module) {
  const response = await q.findExerciseResponse(db, {
    userId,
    courseId: module.courseId,
    moduleId: module.id,
    exerciseId: module.exercise!.id,
  });
  return { text: response?.text ?? "", updatedAt: response?.updatedAt ?? null };
}

export async function saveExercise(
  deps: Deps,
  userId: string,
  course: Course,
  module: Module,
  text: string,
): Promise<Date> {
  await assertModuleOpen(deps, userId, course, module);
  const now = deps.clock.now();
  await inTransaction(deps.db, (sql) => {
    q.ensureEnrolment(sql, userId, course.id, now);
    q.saveExerciseResponse(
      sql,
      { userId, courseId: course.id, moduleId: module.id, exerciseId: module.exercise!.id },
      text,
      now,
    );
  });
  return now;
}
