// Grading, table-driven: every question type and its edge cases.
import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "../../../src/courses/catalog.js";
import {
  attemptScore,
  gradeResponse,
  isPassing,
  normalizeShortText,
  type Response,
} from "../../../src/quiz/grading.js";

const base = {
  points: 1,
  promptHtml: "",
  explanationHtml: "",
  feedback: { correctHtml: undefined, incorrectHtml: undefined },
};
const opt = (id: string, correct = false) => ({ id, html: id, correct, feedbackHtml: undefined });

const single: QuizQuestion = { ...base, id: "s", type: "single_choice", options: [opt("a", true), opt("b"), opt("c")] };
const multiPartial: QuizQuestion = {
  ...base,
  id: "m",
  type: "multiple_choice",
  scoring: "partial",
  options: [opt("a", true), opt("b", true), opt("c"), opt("d")],
};
const multiAll: QuizQuestion = { ...multiPartial, id: "m2", scoring: "all_or_nothing" };
const tf: QuizQuestion = { ...base, id: "t", type: "true_false", answer: false };
const short: QuizQuestion = { ...base, id: "x", type: "short_text", accepted: ["Dissuasion commission", "CDT"] };
const numeric: QuizQuestion = { ...base, id: "n", type: "numeric", answer: 2.5, tolerance: 0.1, unit: undefined };
const exact: QuizQuestion = { ...base, id: "y", type: "numeric", answer: 2001, tolerance: 0, unit: undefined };
const matching: QuizQuestion = {
  ...base,
  id: "p",
  type: "matching",
  scoring: "partial",
  pairs: [
    { id: "pt", promptHtml: "", match: "Lisbon" },
    { id: "es", promptHtml: "", match: "Madrid" },
    { id: "fr", promptHtml: "", match: "Paris" },
    { id: "it", promptHtml: "", match: "Rome" },
  ],
  choices: ["Lisbon", "Madrid", "Paris", "Rome"],
};
const ordering: QuizQuestion = {
  ...base,
  id: "o",
  type: "ordering",
  scoring: "all_or_nothing",
  items: [
    { id: "one", html: "" },
    { id: "two", html: "" },
    { id: "three", html: "" },
    { id: "four", html: "" },
  ],
};
const orderingPartial: QuizQuestion = { ...ordering, id: "o2", scoring: "partial" };

const cases: [string, QuizQuestion, Response, number][] = [
  ["single: the right option", single, { type: "single_choice", optionId: "a" }, 1],
  ["single: a wrong option", single, { type: "single_choice", optionId: "b" }, 0],
  ["single: an unknown option", single, { type: "single_choice", optionId: "zz" }, 0],
  ["multiple partial: all right, none wrong", multiPartial, { type: "multiple_choice", optionIds: ["a", "b"] }, 1],
  ["multiple partial: half the right ones", multiPartial, { type: "multiple_choice", optionIds: ["a"] }, 0.5],
  [
    "multiple partial: one right one wrong cancel out",
    multiPartial,
    { type: "multiple_choice", optionIds: ["a", "c"] },
    0,
  ],
  ["multiple partial: never below zero", multiPartial, { type: "multiple_choice", optionIds: ["c", "d"] }, 0],
  [
    "multiple partial: everything ticked",
    multiPartial,
    { type: "multiple_choice", optionIds: ["a", "b", "c", "d"] },
    0,
  ],
  ["multiple all-or-nothing: exact set", multiAll, { type: "multiple_choice", optionIds: ["b", "a"] }, 1],
  ["multiple all-or-nothing: a subset", multiAll, { type: "multiple_choice", optionIds: ["a"] }, 0],
  ["true/false: right", tf, { type: "true_false", value: false }, 1],
  ["true/false: wrong", tf, { type: "true_false", value: true }, 0],
  ["short text: exact", short, { type: "short_text", text: "Dissuasion commission" }, 1],
  ["short text: case and spaces ignored", short, { type: "short_text", text: "  dissuasion   COMMISSION " }, 1],
  ["short text: final full stop ignored", short, { type: "short_text", text: "cdt." }, 1],
  ["short text: another word", short, { type: "short_text", text: "commission" }, 0],
  ["short text: empty", short, { type: "short_text", text: "   " }, 0],
  ["numeric: exact", numeric, { type: "numeric", value: 2.5 }, 1],
  ["numeric: inside tolerance", numeric, { type: "numeric", value: 2.6 }, 1],
  ["numeric: on the tolerance edge despite floating point", numeric, { type: "numeric", value: 2.4 }, 1],
  ["numeric: outside tolerance", numeric, { type: "numeric", value: 2.61 }, 0],
  ["numeric: zero tolerance, exact", exact, { type: "numeric", value: 2001 }, 1],
  ["numeric: zero tolerance, off by one", exact, { type: "numeric", value: 2000 }, 0],
  ["numeric: not a number", exact, { type: "numeric", value: Number.NaN }, 0],
  [
    "matching partial: all pairs",
    matching,
    { type: "matching", matches: { pt: "Lisbon", es: "Madrid", fr: "Paris", it: "Rome" } },
    1,
  ],
  [
    "matching partial: three of four",
    matching,
    { type: "matching", matches: { pt: "Lisbon", es: "Madrid", fr: "Paris", it: "Paris" } },
    0.75,
  ],
  [
    "matching partial: swapped pair",
    matching,
    { type: "matching", matches: { pt: "Madrid", es: "Lisbon", fr: "Paris", it: "Rome" } },
    0.5,
  ],
  ["matching: missing pairs count as wrong", matching, { type: "matching", matches: { pt: "Lisbon" } }, 0.25],
  ["ordering all-or-nothing: right order", ordering, { type: "ordering", order: ["one", "two", "three", "four"] }, 1],
  ["ordering all-or-nothing: two swapped", ordering, { type: "ordering", order: ["two", "one", "three", "four"] }, 0],
  [
    "ordering partial: two of four in place",
    orderingPartial,
    { type: "ordering", order: ["two", "one", "three", "four"] },
    0.5,
  ],
  ["ordering partial: reversed", orderingPartial, { type: "ordering", order: ["four", "three", "two", "one"] }, 0],
  ["a response of another type", single, { type: "true_false", value: true }, 0],
];

describe("grading", () => {
  it.each(cases)("%s", (_name, question, response, score) => {
    const grade = gradeResponse(question, response);
    expect(grade.score).toBeCloseTo(score, 10);
    expect(grade.correct).toBe(score === 1);
  });
});

describe("short answers", () => {
  it.each([
    ["Lisbon", "lisbon"],
    ["  Lisbon  ", "lisbon"],
    ["LISBON!", "lisbon"],
    ["São  Paulo", "são paulo"],
    ["Ｆｕｌｌｗｉｄｔｈ", "fullwidth"],
  ])("%j → %j", (input, normalized) => expect(normalizeShortText(input)).toBe(normalized));

  it.each([
    ["hamza forms of alif", "إلغاء التجريم", "الغاء التجريم"],
    ["alif madda", "آثار", "اثار"],
    ["tā' marbūṭa", "الصحة العامة", "الصحه العامه"],
    ["alif maqṣūra", "مستوى", "مستوي"],
    ["tashkeel and shadda", "الحَدُّ من الضَّرَر", "الحد من الضرر"],
    ["tatweel", "الحـــد", "الحد"],
  ])("Arabic: %s are spelled alike", (_name, a, b) => {
    expect(normalizeShortText(a)).toBe(normalizeShortText(b));
  });

  it("leaves other scripts' accents alone (French é is not e)", () => {
    expect(normalizeShortText("réduction")).not.toBe(normalizeShortText("reduction"));
  });
});

describe("attempt score and pass mark", () => {
  const questions = [
    { id: "a", points: 1 },
    { id: "b", points: 1 },
    { id: "c", points: 2 },
  ];
  it("weights questions by their points; unanswered questions score zero", () => {
    expect(
      attemptScore(
        questions,
        new Map([
          ["a", 1],
          ["c", 0.5],
        ]),
      ),
    ).toBe(0.5);
    expect(attemptScore(questions, new Map())).toBe(0);
    expect(attemptScore([], new Map())).toBe(0);
  });

  it.each([
    [0.7, 70, true],
    [0.69994, 70, false],
    [0.1 + 0.2 + 0.4, 70, true],
    [1, 100, true],
    [0, 0, true],
    [2 / 3, 66.67, true],
  ])("score %f against pass mark %f → %s", (score, mark, passing) => expect(isPassing(score, mark)).toBe(passing));
});
