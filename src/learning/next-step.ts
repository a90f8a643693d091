// "Continue where you left off": the next thing left to do, in module order, starting
// from the module last worked in. Not simply the last page seen: that page may sit in a
// module already finished. Pure, so the rule is tested without a database.
import type { Course, Module } from "../courses/catalog.js";
import type { CourseProgress, ModuleProgress } from "./progress.js";

export type NextStep =
  | { kind: "lesson" | "quiz" | "exercise"; url: string; title: string; module: Module }
  /** Nothing the learner can do now (e.g. a required quiz with no attempt left): the course page. */
  | { kind: "course"; url: string }
  /** Every required module complete: the certificate (claim or view), or the course page. */
  | { kind: "complete"; url: string };

export function nextStep(course: Course, progress: CourseProgress, lastModuleId: string | null): NextStep {
  if (progress.complete)
    return { kind: "complete", url: course.certificate.enabled ? `${course.url}/certificate` : course.url };
  const modules = progress.modules;
  const from = Math.max(
    0,
    modules.findIndex((p) => p.module.id === lastModuleId),
  );
  // From the module last worked in to the end, then the earlier ones left unfinished.
  for (const p of [...modules.slice(from), ...modules.slice(0, from)]) {
    const step = nextInModule(p);
    if (step) return step;
  }
  return { kind: "course", url: course.url };
}

/** What this module still needs, by its own completion rules: lessons, then quiz, then exercise. */
function nextInModule(p: ModuleProgress): NextStep | null {
  if (p.complete || p.lockedBy) return null;
  const { module } = p;
  const rules = module.completion;
  const required =
    rules.lessons === "all"
      ? module.lessons
      : rules.lessons === "none"
        ? []
        : module.lessons.filter((l) => rules.lessons.includes(l.id));
  const lesson = required.find((l) => !p.doneLessonIds.has(l.id));
  if (lesson) return { kind: "lesson", url: lesson.url, title: lesson.title, module };
  const quiz = module.quiz;
  if (quiz && p.quiz && rules.quiz !== "none") {
    const done = rules.quiz === "attempted" ? p.quiz.attempts > 0 : p.quiz.passed;
    const attemptLeft = quiz.settings.maxAttempts === 0 || p.quiz.attempts < quiz.settings.maxAttempts;
    if (!done && attemptLeft) return { kind: "quiz", url: quiz.url, title: quiz.title, module };
  }
  const exercise = module.exercise;
  if (exercise && rules.exercise === "submitted" && !p.exerciseSaved)
    return { kind: "exercise", url: exercise.url, title: exercise.title, module };
  return null;
}
