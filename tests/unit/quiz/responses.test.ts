// Reading answers from forms: strict about what belongs to the question.
import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "../../../src/courses/catalog.js";
import { parseNumber, parseResponse, unknownQuestionFields } from "../../../src/quiz/responses.js";

const base = {
  points: 1,
  promptHtml: "",
  explanationHtml: "",
  feedback: { correctHtml: undefined, incorrectHtml: undefined },
};
const opt = (id: string, correct = false) => ({ id, html: id, correct, feedbackHtml: undefined });
const single: QuizQuestion = { ...base, id: "s", type: "single_choice", options: [opt("a", true), opt("b")] };
const multi: QuizQuestion = {
  ...base,
  id: "m",
  type: "multiple_choice",
  scoring: "partial",
  options: [opt("a", true), opt("b")],
};
const tf: QuizQuestion = { ...base, id: "t", type: "true_false", answer: true };
const num: QuizQuestion = { ...base, id: "n", type: "numeric", answer: 1, tolerance: 0, unit: undefined };
const match: QuizQuestion = {
  ...base,
  id: "p",
  type: "matching",
  scoring: "partial",
  pairs: [
    { id: "x", promptHtml: "", match: "X" },
    { id: "y", promptHtml: "", match: "Y" },
  ],
  choices: ["X", "Y", "Z"],
};
const order: QuizQuestion = {
  ...base,
  id: "o",
  type: "ordering",
  scoring: "all_or_nothing",
  items: [
    { id: "a", html: "" },
    { id: "b", html: "" },
    { id: "c", html: "" },
  ],
};

describe("parsing answers", () => {
  it.each([
    ["single", single, { "q.s": "b" }, { type: "single_choice", optionId: "b" }],
    ["multiple", multi, { "q.m": ["a", "b"] }, { type: "multiple_choice", optionIds: ["a", "b"] }],
    ["true/false", tf, { "q.t": "false" }, { type: "true_false", value: false }],
    ["numeric with a comma", num, { "q.n": "2,5" }, { type: "numeric", value: 2.5 }],
    ["matching", match, { "q.p.x": "Y", "q.p.y": "Z" }, { type: "matching", matches: { x: "Y", y: "Z" } }],
    [
      "ordering by positions",
      order,
      { "q.o.a": "3", "q.o.b": "1", "q.o.c": "2" },
      { type: "ordering", order: ["b", "c", "a"] },
    ],
  ])("%s", (_name, question, fields, response) => {
    expect(parseResponse(question, fields)).toEqual({ ok: true, response });
  });

  it.each([
    ["single: nothing chosen", single, {}, "empty"],
    ["single: an option of another question", single, { "q.s": "zz" }, "invalid"],
    ["single: two values", single, { "q.s": ["a", "b"] }, "invalid"],
    ["multiple: nothing", multi, {}, "empty"],
    ["multiple: unknown option", multi, { "q.m": ["a", "x"] }, "invalid"],
    ["multiple: the same option twice", multi, { "q.m": ["a", "a"] }, "invalid"],
    ["true/false: neither", tf, { "q.t": "maybe" }, "invalid"],
    ["numeric: words", num, { "q.n": "two thousand" }, "invalid"],
    ["numeric: empty", num, { "q.n": "" }, "empty"],
    ["numeric: Infinity", num, { "q.n": "1e999" }, "invalid"],
    ["matching: a pair left out", match, { "q.p.x": "Y" }, "empty"],
    ["matching: a choice that is not offered", match, { "q.p.x": "Y", "q.p.y": "W" }, "invalid"],
    ["ordering: a position used twice", order, { "q.o.a": "1", "q.o.b": "1", "q.o.c": "2" }, "invalid"],
    ["ordering: out of range", order, { "q.o.a": "1", "q.o.b": "2", "q.o.c": "4" }, "invalid"],
    ["ordering: not a number", order, { "q.o.a": "1", "q.o.b": "2", "q.o.c": "x" }, "invalid"],
  ])("%s → %s", (_name, question, fields, reason) => {
    expect(parseResponse(question, fields as Record<string, string>)).toMatchObject({ ok: false, reason });
  });

  it("names the problem where it can", () => {
    const problem = (question: QuizQuestion, fields: Record<string, string>) => {
      const parsed = parseResponse(question, fields);
      return !parsed.ok && parsed.reason === "invalid" ? parsed.problem : null;
    };
    expect(problem(order, { "q.o.a": "3", "q.o.b": "1", "q.o.c": "3" })).toEqual({
      key: "quiz.answer.positionTwice",
      params: { used: 3 },
    });
    expect(problem(num, { "q.n": "two thousand" })).toEqual({ key: "quiz.answer.notNumber" });
    expect(problem(single, { "q.s": "zz" })).toEqual({ key: "quiz.answer.invalid" });
  });

  it("reads numbers the way people type them", () => {
    expect(parseNumber("1 000")).toBe(1000);
    expect(parseNumber("−3")).toBe(-3);
    expect(parseNumber("2.5")).toBe(2.5);
    expect(parseNumber("0x10")).toBeNull();
    expect(parseNumber("1,2,3")).toBeNull();
  });

  it("reads the decimal comma of French and Russian, and Arabic-Indic digits", () => {
    expect(parseNumber("0,5")).toBe(0.5);
    expect(parseNumber("1\u202f000,25")).toBe(1000.25);
    expect(parseNumber("٠٫٥")).toBe(0.5);
    expect(parseNumber("١٬٢٠٠")).toBe(1200);
    expect(parseNumber("۳")).toBe(3);
    expect(parseNumber("٠٫٥٫٥")).toBeNull();
  });

  it("spots answers to questions that are not in the attempt", () => {
    expect(unknownQuestionFields({ "q.s": "a", "q.zz": "b", "q.p.x": "X", attempt: "1" }, new Set(["s", "p"]))).toEqual(
      ["q.zz"],
    );
  });
});
