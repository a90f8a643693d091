// "Continue where you left off" goes to the next unfinished item in module order, from the
// module last worked in, and says when the course is complete.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Course } from "../../../src/courses/catalog.js";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";
import { nextStep } from "../../../src/learning/next-step.js";
import { computeProgress, type ProgressFacts, type SubmittedAttempt } from "../../../src/learning/progress.js";

const fixture = loadCatalog(path.resolve("tests/fixtures/courses/valid")).catalog!.courseById.get("fixture-course")!;
const sequential = loadCatalog(path.resolve("tests/fixtures/courses/sequential")).catalog!.courseById.get(
  "sequential-course",
)!;
const BASICS_LESSONS = ["basics/first-lesson", "basics/second-lesson"];
const passBasics: SubmittedAttempt = { moduleId: "basics", quizId: "basics-quiz", score: 1, passed: true };
const failBasics: SubmittedAttempt = { moduleId: "basics", quizId: "basics-quiz", score: 0.2, passed: false };

function next(course: Course, f: Partial<ProgressFacts>, lastModuleId: string | null = null) {
  const facts = { completedLessons: new Set<string>(), attempts: [], exercisesSaved: new Set<string>(), ...f };
  return nextStep(course, computeProgress(course, facts), lastModuleId);
}

describe("the next unfinished item", () => {
  it("is the first lesson of the course for a learner who has done nothing", () => {
    expect(next(fixture, {})).toMatchObject({ kind: "lesson", url: "/courses/fixture-course/basics/first-lesson" });
  });

  it("is the first lesson not done, in module order, even if a later one was done first", () => {
    expect(next(fixture, { completedLessons: new Set(["basics/second-lesson"]) }, "basics")).toMatchObject({
      kind: "lesson",
      title: "The first lesson",
    });
  });

  it("is the quiz once the lessons are done and the quiz is not passed", () => {
    const done = new Set(BASICS_LESSONS);
    expect(next(fixture, { completedLessons: done }, "basics")).toMatchObject({
      kind: "quiz",
      url: "/courses/fixture-course/basics/quiz",
      title: "Basics quiz",
    });
    expect(next(fixture, { completedLessons: done, attempts: [failBasics] }, "basics")).toMatchObject({
      kind: "quiz",
    });
  });

  it("is the exercise when the module requires a saved reflection and none is saved", () => {
    const facts = {
      completedLessons: new Set(["first/one"]),
      attempts: [{ ...passBasics, moduleId: "first", quizId: "retry-quiz" }],
    };
    expect(next(sequential, facts, "first")).toMatchObject({
      kind: "exercise",
      url: "/courses/sequential-course/first/exercise",
      title: "Think about it",
    });
    // Saved: the first module is complete, and the second one opens.
    expect(next(sequential, { ...facts, exercisesSaved: new Set(["first"]) }, "first")).toMatchObject({
      kind: "lesson",
      url: "/courses/sequential-course/second/two",
    });
  });

  it("is not an exercise the module does not require", () => {
    // basics has an exercise, but its completion rule leaves it out: the next module follows.
    expect(
      next(fixture, { completedLessons: new Set(BASICS_LESSONS), attempts: [passBasics] }, "basics"),
    ).toMatchObject({ kind: "lesson", url: "/courses/fixture-course/advanced/deep" });
  });
});

describe("where the search starts", () => {
  it("skips the finished module the last page visited belongs to", () => {
    const step = next(fixture, { completedLessons: new Set(BASICS_LESSONS), attempts: [passBasics] }, "basics");
    expect(step).toMatchObject({ kind: "lesson", title: "Going deeper" });
  });

  it("starts from the module last worked in, then comes back to earlier unfinished ones", () => {
    expect(next(fixture, {}, "advanced")).toMatchObject({
      kind: "lesson",
      url: "/courses/fixture-course/advanced/deep",
    });
    expect(next(fixture, { completedLessons: new Set(["advanced/deep"]) }, "advanced")).toMatchObject({
      kind: "lesson",
      url: "/courses/fixture-course/basics/first-lesson",
    });
  });

  it("ignores a last module that no longer exists or is a draft", () => {
    expect(next(fixture, {}, "removed")).toMatchObject({ title: "The first lesson" });
    expect(next(fixture, {}, "drafty")).toMatchObject({ title: "The first lesson" });
  });

  it("never points into a locked module of a sequential course", () => {
    expect(next(sequential, {}, "second")).toMatchObject({
      kind: "lesson",
      url: "/courses/sequential-course/first/one",
    });
  });
});

describe("when nothing is left", () => {
  it("says the course is complete and links to the certificate", () => {
    const facts = { completedLessons: new Set([...BASICS_LESSONS, "advanced/deep"]), attempts: [passBasics] };
    expect(next(fixture, facts, "advanced")).toEqual({ kind: "complete", url: "/courses/fixture-course/certificate" });
  });

  it("links to the course page when the course gives no certificate", () => {
    const noCertificate = { ...fixture, certificate: { ...fixture.certificate, enabled: false } };
    const facts = { completedLessons: new Set([...BASICS_LESSONS, "advanced/deep"]), attempts: [passBasics] };
    expect(next(noCertificate, facts)).toEqual({ kind: "complete", url: "/courses/fixture-course" });
  });

  it("skips a quiz with no attempt left, and falls back to the course page when nothing else remains", () => {
    const spent = { completedLessons: new Set(BASICS_LESSONS), attempts: [failBasics, failBasics, failBasics] };
    expect(next(fixture, spent, "basics")).toMatchObject({ kind: "lesson", title: "Going deeper" });
    const stuck = { ...spent, completedLessons: new Set([...BASICS_LESSONS, "advanced/deep"]) };
    expect(next(fixture, stuck, "basics")).toEqual({ kind: "course", url: "/courses/fixture-course" });
  });

  it("follows the module's own rules: a lesson it does not require is not sent to", () => {
    const lenient: Course = {
      ...fixture,
      modules: fixture.modules.map((m) =>
        m.id === "basics" ? { ...m, completion: { ...m.completion, lessons: ["second-lesson"] } } : m,
      ),
    };
    expect(next(lenient, {}, "basics")).toMatchObject({ kind: "lesson", title: "The second lesson" });
    expect(next(lenient, { completedLessons: new Set(["basics/second-lesson"]) }, "basics")).toMatchObject({
      kind: "quiz",
    });
  });
});
