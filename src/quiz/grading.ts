// Grading, as pure functions: one learner response to one question → a score in 0..1.
// The server is the only place that grades; browsers never hold an answer key.
import type { QuizQuestion } from "../courses/catalog.js";

export type Response =
  | { type: "single_choice"; optionId: string }
  | { type: "multiple_choice"; optionIds: readonly string[] }
  | { type: "true_false"; value: boolean }
  | { type: "short_text"; text: string }
  | { type: "numeric"; value: number }
  | { type: "matching"; matches: Readonly<Record<string, string>> }
  | { type: "ordering"; order: readonly string[] };

export type Grade = { score: number; correct: boolean };

const grade = (score: number): Grade => {
  const clamped = Math.max(0, Math.min(1, score));
  return { score: clamped, correct: clamped === 1 };
};

export function gradeResponse(question: QuizQuestion, response: Response): Grade {
  if (question.type !== response.type) return grade(0);
  switch (question.type) {
    case "single_choice":
      return grade(question.options.find((o) => o.id === (response as { optionId: string }).optionId)?.correct ? 1 : 0);
    case "multiple_choice": {
      const chosen = new Set((response as { optionIds: readonly string[] }).optionIds);
      const correct = question.options.filter((o) => o.correct);
      if (question.scoring === "all_or_nothing") {
        return grade(correct.length === chosen.size && correct.every((o) => chosen.has(o.id)) ? 1 : 0);
      }
      // Partial: each right pick earns a share, each wrong pick costs one; never below 0.
      const right = correct.filter((o) => chosen.has(o.id)).length;
      const wrong = question.options.filter((o) => !o.correct && chosen.has(o.id)).length;
      return grade((right - wrong) / correct.length);
    }
    case "true_false":
      return grade((response as { value: boolean }).value === question.answer ? 1 : 0);
    case "short_text": {
      const given = normalizeShortText((response as { text: string }).text);
      return grade(given !== "" && question.accepted.some((a) => normalizeShortText(a) === given) ? 1 : 0);
    }
    case "numeric": {
      const value = (response as { value: number }).value;
      // A hair of slack for binary floating point (0.1 + 0.2).
      return grade(Number.isFinite(value) && Math.abs(value - question.answer) <= question.tolerance + 1e-9 ? 1 : 0);
    }
    case "matching": {
      const matches = (response as { matches: Readonly<Record<string, string>> }).matches;
      const right = question.pairs.filter((p) => matches[p.id] === p.match).length;
      return grade(
        question.scoring === "all_or_nothing"
          ? right === question.pairs.length
            ? 1
            : 0
          : right / question.pairs.length,
      );
    }
    case "ordering": {
      const order = (response as { order: readonly string[] }).order;
      const inPlace = question.items.filter((item, i) => order[i] === item.id).length;
      return grade(
        question.scoring === "all_or_nothing"
          ? inPlace === question.items.length
            ? 1
            : 0
          : inPlace / question.items.length,
      );
    }
  }
}

/**
 * Short answers ignore letter case, surrounding and repeated spaces, and final punctuation —
 * and, in Arabic, the spelling variants people type interchangeably: hamza forms of alif
 * (أ إ آ → ا), tā' marbūṭa (ة → ه), alif maqṣūra (ى → ي), short vowels and shadda (tashkeel)
 * and tatweel. Arabic letters only occur in Arabic answers, so this is safe for every language.
 */
export function normalizeShortText(text: string): string {
  return normalizeArabic(text.normalize("NFKC"))
    .toLocaleLowerCase("und")
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .replace(/[.!?;:,。]+$/u, "")
    .trim();
}

function normalizeArabic(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
    .replace(/\u0629/g, "\u0647")
    .replace(/\u0649/g, "\u064A");
}

/** Points earned over points possible, for a set of graded questions (unanswered score 0). */
export function attemptScore(
  questions: readonly { id: string; points: number }[],
  scores: ReadonlyMap<string, number>,
): number {
  const possible = questions.reduce((sum, q) => sum + q.points, 0);
  if (possible === 0) return 0;
  const earned = questions.reduce((sum, q) => sum + q.points * (scores.get(q.id) ?? 0), 0);
  return earned / possible;
}

/** Pass marks are percentages; compare in whole hundredths so 0.7 really is 70 %. */
export function isPassing(score: number, passMark: number): boolean {
  return Math.round(score * 10_000) >= Math.round(passMark * 100);
}
