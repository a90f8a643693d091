// Completion rules as pure functions of a course and what a learner has done.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";
import { computeProgress, type ProgressFacts, quizProgress } from "../../../src/learning/progress.js";

const fixture = loadCatalog(path.resolve("tests/fixtures/courses/valid")).catalog!.courseById.get("fixture-course")!;
const sequential = loadCatalog(path.resolve("tests/fixtures/courses/sequential")).catalog!.courseById.get(
  "sequential-course",
)!;
const facts = (f: Partial<ProgressFacts>): ProgressFacts => ({
  completedLessons: new Set(),
  attempts: [],
  exercisesSaved: new Set(),
  ...f,
});

describe("module completion", () => {
  it("needs every lesson and a passed quiz by default", () => {
    const lessons = new Set(["basics/first-lesson", "basics/second-lesson"]);
    expect(computeProgress(fixture, facts({ completedLessons: lessons })).byModule.get("basics")!.complete).toBe(false);
    const passed = computeProgress(
      fixture,
      facts({
        completedLessons: lessons,
        attempts: [{ moduleId: "basics", quizId: "basics-quiz", score: 0.8, passed: true }],
      }),
    );
    expect(passed.byModule.get("basics")).toMatchObject({ complete: true, status: "complete" });
  });

  it("ignores progress on lessons that no longer exist and on draft modules", () => {
    const p = computeProgress(
      fixture,
      facts({ completedLessons: new Set(["basics/removed-lesson", "drafty/wip", "advanced/deep"]) }),
    );
    expect(p.byModule.get("basics")!.lessonsDone).toBe(0);
    expect(p.byModule.has("drafty")).toBe(false);
    expect(p.byModule.get("advanced")!.complete).toBe(true);
    expect(p).toMatchObject({
      lessonsDone: 1,
      lessonsTotal: 3,
      modulesComplete: 1,
      modulesTotal: 2,
      percent: 33,
      complete: false,
    });
  });

  it("ignores attempts of a quiz that was replaced", () => {
    const p = computeProgress(
      fixture,
      facts({ attempts: [{ moduleId: "basics", quizId: "old-quiz", score: 1, passed: true }] }),
    );
    expect(p.byModule.get("basics")!.quiz).toMatchObject({ attempts: 0, passed: false });
  });

  it("can require a saved reflection", () => {
    const base = {
      completedLessons: new Set(["first/one"]),
      attempts: [{ moduleId: "first", quizId: "retry-quiz", score: 1, passed: true }],
    };
    expect(computeProgress(sequential, facts(base)).byModule.get("first")!.complete).toBe(false);
    expect(
      computeProgress(sequential, facts({ ...base, exercisesSaved: new Set(["first"]) })).byModule.get("first")!
        .complete,
    ).toBe(true);
  });
});

describe("order", () => {
  it("locks later modules of a sequential course until the one before is complete", () => {
    const locked = computeProgress(sequential, facts({}));
    expect(locked.byModule.get("first")!.lockedBy).toBeNull();
    expect(locked.byModule.get("second")!.lockedBy!.id).toBe("first");
    const open = computeProgress(
      sequential,
      facts({
        completedLessons: new Set(["first/one"]),
        attempts: [{ moduleId: "first", quizId: "retry-quiz", score: 1, passed: true }],
        exercisesSaved: new Set(["first"]),
      }),
    );
    expect(open.byModule.get("second")!.lockedBy).toBeNull();
  });

  it("never locks an any-order course", () => {
    expect(computeProgress(fixture, facts({})).modules.every((m) => m.lockedBy === null)).toBe(true);
  });
});

describe("which attempt counts", () => {
  const attempts = [
    { moduleId: "m", quizId: "q", score: 0.9, passed: true },
    { moduleId: "m", quizId: "q", score: 0.4, passed: false },
  ];
  it("best: the best attempt, passed if any passed", () =>
    expect(quizProgress(attempts, "best")).toEqual({ attempts: 2, best: 0.9, last: 0.4, counted: 0.9, passed: true }));
  it("last: the latest attempt only", () =>
    expect(quizProgress(attempts, "last")).toEqual({ attempts: 2, best: 0.9, last: 0.4, counted: 0.4, passed: false }));
  it("none yet", () =>
    expect(quizProgress([], "best")).toEqual({ attempts: 0, best: null, last: null, counted: null, passed: false }));
});
