// Reading a learner's answer out of a submitted form, strictly: option ids must belong
// to the question, numbers must be numbers, every item of a matching or ordering must
// be answered once. Anything else is a clear error, and nothing is stored.
//
// Field names: `q.<questionId>` holds the answer (repeated for multiple choice);
// matching uses `q.<questionId>.<pairId>` = the chosen match, ordering
// `q.<questionId>.<itemId>` = the item's position (1, 2, …).
import type { QuizQuestion } from "../courses/catalog.js";
import type { Response } from "./grading.js";

export type FormFields = Readonly<Record<string, string | string[] | undefined>>;
/** Why an answer could not be read: a message key (with its parameters) naming the problem. */
export type AnswerProblem = { key: string; params?: Record<string, number> };
export type Parsed =
  | { ok: true; response: Response }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "invalid"; problem: AnswerProblem };

const one = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? undefined : value?.trim();
const many = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : ([] as string[]).concat(value).map((v) => v.trim());

export function parseResponse(question: QuizQuestion, fields: FormFields): Parsed {
  const key = `q.${question.id}`;
  switch (question.type) {
    case "single_choice": {
      const raw = fields[key];
      if (raw === undefined || raw === "") return { ok: false, reason: "empty" };
      const id = one(raw);
      return id && question.options.some((o) => o.id === id) ? ok({ type: question.type, optionId: id }) : invalid();
    }
    case "multiple_choice": {
      const ids = many(fields[key]).filter(Boolean);
      if (ids.length === 0) return { ok: false, reason: "empty" };
      const known = new Set(question.options.map((o) => o.id));
      if (ids.some((id) => !known.has(id)) || new Set(ids).size !== ids.length) return invalid();
      return ok({ type: question.type, optionIds: ids });
    }
    case "true_false": {
      const raw = one(fields[key]);
      if (!raw) return fields[key] === undefined || fields[key] === "" ? { ok: false, reason: "empty" } : invalid();
      return raw === "true" || raw === "false" ? ok({ type: question.type, value: raw === "true" }) : invalid();
    }
    case "short_text": {
      const raw = fields[key];
      if (Array.isArray(raw)) return invalid();
      const text = (raw ?? "").trim();
      if (!text) return { ok: false, reason: "empty" };
      return text.length > 500 ? invalid("quiz.answer.tooLong") : ok({ type: question.type, text });
    }
    case "numeric": {
      const raw = one(fields[key]);
      if (fields[key] === undefined || raw === "") return { ok: false, reason: "empty" };
      const value = parseNumber(raw ?? "");
      return value === null ? invalid("quiz.answer.notNumber") : ok({ type: question.type, value });
    }
    case "matching": {
      const matches: Record<string, string> = {};
      const choices = new Set(question.choices);
      for (const pair of question.pairs) {
        const chosen = one(fields[`${key}.${pair.id}`]);
        if (fields[`${key}.${pair.id}`] !== undefined && chosen === undefined) return invalid();
        if (!chosen) return { ok: false, reason: "empty" };
        if (!choices.has(chosen)) return invalid();
        matches[pair.id] = chosen;
      }
      return ok({ type: question.type, matches });
    }
    case "ordering": {
      const n = question.items.length;
      const positions: [string, number][] = [];
      for (const item of question.items) {
        const raw = one(fields[`${key}.${item.id}`]);
        if (fields[`${key}.${item.id}`] !== undefined && raw === undefined) return invalid();
        if (!raw) return { ok: false, reason: "empty" };
        const position = Number(raw);
        if (!Number.isInteger(position) || position < 1 || position > n) return invalid();
        positions.push([item.id, position]);
      }
      // Each position used exactly once.
      const twice = positions.find(([, p], i) => positions.findIndex(([, other]) => other === p) !== i);
      if (twice) return invalid("quiz.answer.positionTwice", { used: twice[1] });
      return ok({ type: question.type, order: positions.sort((a, b) => a[1] - b[1]).map(([id]) => id) });
    }
  }
}

/**
 * Numbers as people type them: "2001", "2,5" or "2.5" (the decimal comma of French and
 * Russian), "1 000", "−3", and Arabic-Indic digits with the Arabic decimal separator ("٠٫٥").
 */
export function parseNumber(text: string): number | null {
  const cleaned = westernDigits(text)
    .replace(/[\s\u00a0\u202f'\u066c]/g, "")
    .replace(/^[−–]/, "-");
  if (!/^-?\d+([.,]\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** ٠–٩ and ۰–۹ as 0–9, and the Arabic decimal separator ٫ as a point. */
function westernDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, ".");
}

/** Field names that would be answers to questions not in this list: a tampering sign. */
export function unknownQuestionFields(fields: FormFields, questionIds: ReadonlySet<string>): string[] {
  return Object.keys(fields).filter((name) => name.startsWith("q.") && !questionIds.has(name.slice(2).split(".")[0]!));
}

const ok = (response: Response): Parsed => ({ ok: true, response });
const invalid = (key = "quiz.answer.invalid", params?: Record<string, number>): Parsed => ({
  ok: false,
  reason: "invalid",
  problem: { key, params },
});
