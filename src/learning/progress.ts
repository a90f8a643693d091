// Progress as a pure function of a course and what the learner has done. Everything is
// keyed by content ids, so a removed lesson or quiz simply stops counting.
import type { Course, Module } from "../courses/catalog.js";

export type SubmittedAttempt = { moduleId: string; quizId: string; score: number; passed: boolean };

export type ProgressFacts = {
  /** `${moduleId}/${lessonId}` of every lesson marked complete. */
  completedLessons: ReadonlySet<string>;
  /** Submitted attempts in the order they were made. */
  attempts: readonly SubmittedAttempt[];
  /** Modules whose exercise has a saved (non-empty) reflection. */
  exercisesSaved: ReadonlySet<string>;
};

export type QuizProgress = {
  attempts: number;
  best: number | null;
  last: number | null;
  counted: number | null;
  passed: boolean;
};

export type ModuleStatus = "not-started" | "in-progress" | "complete";

export type ModuleProgress = {
  module: Module;
  lessonsDone: number;
  lessonsTotal: number;
  doneLessonIds: ReadonlySet<string>;
  quiz: QuizProgress | null;
  exerciseSaved: boolean;
  complete: boolean;
  status: ModuleStatus;
  /** Sequential courses: the module that must be completed first. */
  lockedBy: Module | null;
};

export type CourseProgress = {
  modules: ModuleProgress[];
  byModule: ReadonlyMap<string, ModuleProgress>;
  lessonsDone: number;
  lessonsTotal: number;
  modulesComplete: number;
  modulesTotal: number;
  percent: number;
  complete: boolean;
};

export const lessonKey = (moduleId: string, lessonId: string) => `${moduleId}/${lessonId}`;

export function computeProgress(course: Course, facts: ProgressFacts): CourseProgress {
  const visible = course.modules.filter((m) => m.status === "published");
  const modules: ModuleProgress[] = [];
  let previous: ModuleProgress | null = null;
  for (const module of visible) {
    const progress = moduleProgress(course, module, facts);
    if (course.order === "sequential" && previous && !previous.complete)
      progress.lockedBy = previous.lockedBy ?? previous.module;
    modules.push(progress);
    previous = progress;
  }
  const byModule = new Map(modules.map((p) => [p.module.id, p]));
  const required =
    course.completion.modules === "all"
      ? modules
      : modules.filter((p) => (course.completion.modules as readonly string[]).includes(p.module.id));
  const lessonsDone = modules.reduce((s, p) => s + p.lessonsDone, 0);
  const lessonsTotal = modules.reduce((s, p) => s + p.lessonsTotal, 0);
  return {
    modules,
    byModule,
    lessonsDone,
    lessonsTotal,
    modulesComplete: modules.filter((p) => p.complete).length,
    modulesTotal: modules.length,
    percent: lessonsTotal === 0 ? 0 : Math.round((lessonsDone / lessonsTotal) * 100),
    complete: required.length > 0 && required.every((p) => p.complete),
  };
}

function moduleProgress(course: Course, module: Module, facts: ProgressFacts): ModuleProgress {
  const doneLessonIds = new Set(
    module.lessons.filter((l) => facts.completedLessons.has(lessonKey(module.id, l.id))).map((l) => l.id),
  );
  const quiz = module.quiz
    ? quizProgress(
        facts.attempts.filter((a) => a.moduleId === module.id && a.quizId === module.quiz!.id),
        course.completion.quizScore,
      )
    : null;
  const exerciseSaved = module.exercise !== undefined && facts.exercisesSaved.has(module.id);
  const rules = module.completion;
  const lessonsOk =
    rules.lessons === "none" ||
    (rules.lessons === "all"
      ? doneLessonIds.size === module.lessons.length
      : rules.lessons.filter((id) => module.lessonById.has(id)).every((id) => doneLessonIds.has(id)));
  const quizOk = rules.quiz === "none" || !quiz || (rules.quiz === "attempted" ? quiz.attempts > 0 : quiz.passed);
  const exerciseOk = rules.exercise === "none" || exerciseSaved;
  const complete = lessonsOk && quizOk && exerciseOk;
  const started = doneLessonIds.size > 0 || (quiz?.attempts ?? 0) > 0 || exerciseSaved;
  return {
    module,
    lessonsDone: doneLessonIds.size,
    lessonsTotal: module.lessons.length,
    doneLessonIds,
    quiz,
    exerciseSaved,
    complete,
    status: complete ? "complete" : started ? "in-progress" : "not-started",
    lockedBy: null,
  };
}

/** The course decides whether the best or the last attempt counts. */
export function quizProgress(attempts: readonly SubmittedAttempt[], counts: "best" | "last"): QuizProgress {
  if (attempts.length === 0) return { attempts: 0, best: null, last: null, counted: null, passed: false };
  const best = attempts.reduce((a, b) => (b.score > a.score ? b : a));
  const last = attempts[attempts.length - 1]!;
  const counted = counts === "best" ? best : last;
  return {
    attempts: attempts.length,
    best: best.score,
    last: last.score,
    counted: counted.score,
    passed: counts === "best" ? attempts.some((a) => a.passed) : last.passed,
  };
}
