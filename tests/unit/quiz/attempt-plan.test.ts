import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Quiz } from "../../../src/courses/catalog.js";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";
import { planAttempt } from "../../../src/quiz/attempt-plan.js";

const quiz = loadCatalog(path.resolve("tests/fixtures/courses/valid"))
  .catalog!.courseById.get("fixture-course")!
  .moduleById.get("basics")!.quiz!;

describe("attempt plans", () => {
  it("are the same for the same seed (stable within an attempt) and differ between attempts", () => {
    const seeds = [1, 2, 3, 4, 5].map((n) => `attempt-${n}`);
    const plan = (seed: string) =>
      JSON.stringify(
        planAttempt(quiz, seed).map((q) => [q.id, "options" in q ? q.options.map((o) => o.id) : q.displayOrder]),
      );
    expect(plan(seeds[0]!)).toBe(plan(seeds[0]!));
    expect(new Set(seeds.map(plan)).size).toBeGreaterThan(1);
  });

  it("never shows an ordering question already in order", () => {
    for (let n = 0; n < 200; n++) {
      const ordering = planAttempt(quiz, `seed-${n}`).find((q) => q.type === "ordering")!;
      expect(ordering.displayOrder).not.toEqual(["one", "two", "three"]);
      expect([...ordering.displayOrder!].sort()).toEqual(["one", "three", "two"]);
    }
  });

  it("draws N questions from a pool, keeping the authors' order", () => {
    const pool: Quiz = { ...quiz, settings: { ...quiz.settings, draw: 3, shuffleQuestions: false } };
    const counts = new Map<string, number>();
    for (let n = 0; n < 300; n++) {
      const ids = planAttempt(pool, `draw-${n}`).map((q) => q.id);
      expect(ids).toHaveLength(3);
      expect(ids).toEqual(quiz.questions.map((q) => q.id).filter((id) => ids.includes(id)));
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // Every question of the pool turns up.
    expect(counts.size).toBe(quiz.questions.length);
  });
});
