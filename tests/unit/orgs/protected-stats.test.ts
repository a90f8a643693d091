import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "../../../src/courses/catalog.js";
import type { QuestionStats } from "../../../src/orgs/item-stats.js";
import { protectQuestion } from "../../../src/orgs/protected-stats.js";

const stats = (responses: number, options: [string, number][], extra: Partial<QuestionStats> = {}): QuestionStats => ({
  questionId: "q",
  responses,
  learners: responses,
  facility: 0.5,
  discrimination: 0.3,
  options: options.map(([id, count]) => ({ id, count, share: count / responses })),
  hint: null,
  blank: 0,
  scoreGroups: [responses],
  ...extra,
});
const asQuestion = (type: QuizQuestion["type"]) => ({ id: "q", type }) as unknown as QuizQuestion;

describe("what insight may print of one question", () => {
  it("never prints a typed answer fewer than five learners gave; they are merged and the merge is a cell too", () => {
    const shown = protectQuestion(
      asQuestion("short_text"),
      stats(12, [
        ["lisbon", 7],
        ["porto", 3],
        ["faro", 2],
      ]),
    );
    expect(shown.options).toEqual([{ id: "lisbon", count: 7, share: 7 / 12 }]);
    expect(shown.rare).toEqual({ count: 5, share: 5 / 12 });
    // With only one rare answer the merge is 1: hidden, and "lisbon" with it (12 − 11 = 1).
    const one = protectQuestion(
      asQuestion("numeric"),
      stats(6, [
        ["2001", 5],
        ["1999", 1],
      ]),
    );
    expect(one.options).toEqual([{ id: "2001", count: null, share: null }]);
    expect(one.rare).toEqual({ count: null, share: null });
  });

  it("hides facility, discrimination and hint when 1–4 responses share a score", () => {
    const shown = protectQuestion(
      asQuestion("single_choice"),
      stats(
        6,
        [
          ["right", 5],
          ["wrong", 1],
        ],
        { scoreGroups: [5, 1], hint: "too-easy" },
      ),
    );
    expect(shown).toMatchObject({ facility: null, discrimination: null, hint: null, responses: 6 });
    expect(shown.options.map((o) => o.count)).toEqual([null, null]);
  });

  it("multiple choice: each option is a yes/no split; matching: each pair is its own split", () => {
    const multi = protectQuestion(
      asQuestion("multiple_choice"),
      stats(10, [
        ["a", 10],
        ["b", 5],
        ["c", 7],
      ]),
    );
    expect(multi.options.map((o) => o.count)).toEqual([10, 5, null]);
    const matching = protectQuestion(
      asQuestion("matching"),
      stats(10, [
        ["pt→Lisbon", 10],
        ["es→Madrid", 9],
        ["es→Lisbon", 1],
      ]),
    );
    expect(matching.options.map((o) => o.count)).toEqual([10, null, null]);
  });

  it("a blank answer by 1–4 learners is a small cell like any other", () => {
    const shown = protectQuestion(asQuestion("true_false"), stats(10, [["true", 8]], { blank: 2 }));
    expect(shown.blank).toEqual({ count: null, share: null });
    expect(shown.options[0]?.count).toBeNull();
  });
});
