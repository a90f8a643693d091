// What cohort insight may show of an evaluation survey's results, after small-cell
// suppression: a cohort is small and its members are named on the dashboard, so a rating
// chosen by 1–4 people, or a comment only one person wrote, could be matched to someone.
import type { LikertResult, SurveyResults } from "../surveys/service.js";
import { MIN_CELL, protectPartition } from "./small-cells.js";

export type ProtectedLikert = Omit<LikertResult, "counts"> & { counts: (number | null)[] };
export type ProtectedSurveyResults = Omit<SurveyResults, "likert" | "text"> & {
  likert: ProtectedLikert[];
  /** `withheld`: some comments were left out, as fewer than MIN_CELL people wrote the same words. */
  text: (SurveyResults["text"][number] & { withheld: boolean })[];
};

export function protectSurveyResults(results: SurveyResults): ProtectedSurveyResults {
  if (results.hidden) return { ...results, likert: [], text: [] };
  const likert = results.likert.map((r) => {
    // The split is over all responses: "did not rate" is a part too.
    const { counts, remainder } = protectPartition(r.counts, results.responses);
    const anyHidden = remainder === null || counts.some((c) => c === null);
    // With hidden counts the mean would be one more equation to solve them with.
    return { ...r, counts, mean: anyHidden ? null : r.mean };
  });
  const text = results.text.map((r) => {
    const byWords = new Map<string, string[]>();
    for (const answer of r.answers) {
      const key = answer.trim().toLocaleLowerCase();
      byWords.set(key, [...(byWords.get(key) ?? []), answer]);
    }
    const kept = [...byWords.values()].filter((same) => same.length >= MIN_CELL).map((same) => same[0]!);
    return { ...r, answers: kept, withheld: kept.length < byWords.size };
  });
  return { ...results, likert, text };
}
