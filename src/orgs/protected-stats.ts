// What insight may show of one question's statistics, after small-cell suppression
// (small-cells.ts). Pure: item-stats.ts counts, this decides what is fit to print.
import type { QuizQuestion } from "../courses/catalog.js";
import type { QuestionStats } from "./item-stats.js";
import { MIN_CELL, protectBinary, protectPartition } from "./small-cells.js";

/** A count and its share of the responses; both null when hidden. */
export type ShownCount = { count: number | null; share: number | null };
export type ProtectedQuestion = {
  questionId: string;
  responses: number;
  /** null when some score is shared by 1–4 responses: the mean would give their answers away. */
  facility: number | null;
  discrimination: number | null;
  hint: QuestionStats["hint"];
  options: ({ id: string } & ShownCount)[];
  /** Typed answers given by fewer than MIN_CELL learners, merged and never shown word for word. */
  rare: ShownCount | null;
  blank: ShownCount | null;
};

const FREE_INPUT = new Set<QuizQuestion["type"]>(["short_text", "numeric"]);

export function protectQuestion(question: QuizQuestion, stats: QuestionStats): ProtectedQuestion {
  const n = stats.responses;
  const shown = (count: number | null): ShownCount => ({ count, share: count === null ? null : count / n });
  const scoresSafe = (stats.scoreGroups ?? []).every((size) => size >= MIN_CELL);
  const base = {
    questionId: stats.questionId,
    responses: n,
    facility: scoresSafe ? stats.facility : null,
    discrimination: scoresSafe ? stats.discrimination : null,
    hint: scoresSafe ? stats.hint : null,
  };
  const blank = stats.blank ?? 0;

  if (question.type === "multiple_choice") {
    // Each option is its own yes/no split of the responses.
    const counts = protectBinary([...stats.options.map((o) => o.count), blank], n);
    return {
      ...base,
      options: stats.options.map((o, i) => ({ id: o.id, ...shown(counts[i] ?? null) })),
      rare: null,
      blank: blank ? shown(counts.at(-1) ?? null) : null,
    };
  }
  if (question.type === "matching") {
    // Each pair splits the responses between the matches chosen for it.
    const options: ProtectedQuestion["options"] = [];
    // Not Map.groupBy: Node 20 lacks it.
    const byPair = new Map<string, QuestionStats["options"]>();
    for (const o of stats.options) {
      const pair = o.id.split("→")[0] ?? "";
      byPair.set(pair, [...(byPair.get(pair) ?? []), o]);
    }
    for (const group of byPair.values()) {
      const { counts } = protectPartition(
        group.map((o) => o.count),
        n,
      );
      for (const [i, o] of group.entries()) options.push({ id: o.id, ...shown(counts[i] ?? null) });
    }
    const [blankShown] = protectBinary([blank], n);
    return { ...base, options, rare: null, blank: blank ? shown(blankShown ?? null) : null };
  }
  // One answer per response: the options, the merged rare answers and "no answer" split n.
  const free = FREE_INPUT.has(question.type);
  const kept = free ? stats.options.filter((o) => o.count >= MIN_CELL) : stats.options;
  const rareCount = free ? stats.options.filter((o) => o.count < MIN_CELL).reduce((s, o) => s + o.count, 0) : 0;
  const { counts, remainder } = protectPartition([...kept.map((o) => o.count), rareCount], n);
  return {
    ...base,
    options: kept.map((o, i) => ({ id: o.id, ...shown(counts[i] ?? null) })),
    rare: rareCount ? shown(counts.at(-1) ?? null) : null,
    blank: blank ? shown(remainder) : null,
  };
}
