// Per-question ("item") statistics over a cohort's quiz attempts, for trainers improving
// their questions. Pure: the caller loads attempts, this only counts.
//
// Facility index: the mean score on the question, 0..1 (1 = everyone got it right).
//
// Discrimination index: the corrected item–rest point-biserial correlation, as Moodle's
// quiz statistics report it ("discrimination index" = correlation between the question's
// score and the score on the rest of the quiz). Over the attempts that contain question q:
//
//   x_a = score on q in attempt a (0..1)
//   y_a = Σ_{p≠q} w_p·s_p / Σ_{p≠q} w_p    (weighted mean score on the OTHER questions of a,
//                                          w = the question's points, default 1)
//   r   = Σ(x−x̄)(y−ȳ) / √( Σ(x−x̄)² · Σ(y−ȳ)² )        (Pearson; point-biserial when x is 0/1)
//
// "Corrected" (rest, not total) because the question's own score is part of the total and
// inflates the correlation — on a 5-question quiz a pure-guess item would still show ~0.45.
// A mean rather than Moodle's sum of marks, because drawn quizzes give attempts different
// numbers of questions. null when fewer than 3 attempts have a rest score, or when either
// series is constant (everyone scored the same: nothing to discriminate).
//
// Hints (one per question, first that applies):
//   too-easy   facility > 0.9 — checked first: with almost no wrong answers, r rests on one or
//              two people and says little;
//   ambiguous  r < 0 — strong learners miss it more than weak ones: check the key and wording
//              (before too-hard, since a wrong key makes an item both hard and negative);
//   too-hard   facility < 0.2;
//   weak       0 ≤ r < 0.2 — it barely separates those who know the topic from those who don't.
//
// Privacy: nothing is shown until `minLearners` distinct learners contributed, and a question
// seen by fewer learners than that (random draws) is withheld, since its option counts could
// reveal one person's answers.
import { pearson } from "./correlation.js";

export type ScoredAnswer = {
  score: number /* 0..1 for this question */;
  chosen: readonly string[] /* option ids chosen (choice questions), or answer keys for others; may be empty */;
  /** The question's points (its weight in `total`); default 1. Only used for the rest score. */
  points?: number;
};
export type ScoredAttempt = {
  learnerId: string;
  total: number /* 0..1 over the whole attempt */;
  answers: Readonly<Record<string, ScoredAnswer>> /* by question id; questions not drawn in this attempt are absent */;
};
export type QuestionStats = {
  questionId: string;
  responses: number; // attempts that contained the question
  learners: number; // distinct learners who answered it
  facility: number; // mean score 0..1 ("facility index")
  discrimination: number | null; // -1..1, null when it cannot be computed
  options: { id: string; count: number; share: number }[]; // how often each option/answer was chosen, most frequent first
  hint: "too-easy" | "too-hard" | "ambiguous" | "weak" | null; // plain-language flags
  /** Responses that chose nothing (skipped or left blank). */
  blank?: number;
  /** How many responses share each score (a score of 1/2 and of 1 are two groups): for small-cell checks. */
  scoreGroups?: number[];
};
export type WithheldQuestion = { questionId: string; learners: number };
export type ItemStatistics =
  | { hidden: true; learners: number }
  | { hidden: false; learners: number; questions: QuestionStats[]; withheld?: WithheldQuestion[] };
export type ItemStatisticsOptions = {
  minLearners?: number;
  /** Default "best-per-learner": one observation per learner (as Moodle's default of graded attempts). */
  useAttempts?: "all" | "best-per-learner";
  /** Question ids in quiz order; listed questions come first in that order, others after by id. */
  questionOrder?: readonly string[];
};

export const MIN_LEARNERS = 5;
export const TOO_EASY_ABOVE = 0.9;
export const TOO_HARD_BELOW = 0.2;
export const WEAK_BELOW = 0.2;

type Tally = {
  responses: number;
  learners: Set<string>;
  scoreSum: number;
  blank: number;
  chosen: Map<string, number>;
  scores: number[]; // x, only for attempts with a rest score
  rests: number[]; // y
  scoreGroups: Map<number, number>; // score (to 1/1000) → responses
};

export function itemStatistics(
  attempts: readonly ScoredAttempt[],
  options: ItemStatisticsOptions = {},
): ItemStatistics {
  const minLearners = options.minLearners ?? MIN_LEARNERS;
  const used = (options.useAttempts ?? "best-per-learner") === "all" ? attempts : bestPerLearner(attempts);
  const learners = new Set(used.map((a) => a.learnerId)).size;
  if (learners < minLearners) return { hidden: true, learners };

  const tallies = tallyAttempts(used);
  const questions: QuestionStats[] = [];
  const withheld: WithheldQuestion[] = [];
  for (const questionId of orderQuestionIds([...tallies.keys()], options.questionOrder)) {
    const tally = tallies.get(questionId)!;
    if (tally.learners.size < minLearners) withheld.push({ questionId, learners: tally.learners.size });
    else questions.push(summarize(questionId, tally));
  }
  return { hidden: false, learners, questions, withheld };
}

/** Each learner's highest-scoring attempt; on a tie, the earlier one in the input. */
function bestPerLearner(attempts: readonly ScoredAttempt[]): ScoredAttempt[] {
  const best = new Map<string, ScoredAttempt>();
  for (const attempt of attempts) {
    const current = best.get(attempt.learnerId);
    if (!current || attempt.total > current.total) best.set(attempt.learnerId, attempt);
  }
  return [...best.values()];
}

function tallyAttempts(attempts: readonly ScoredAttempt[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const attempt of attempts) {
    const entries = Object.entries(attempt.answers);
    let weightSum = 0;
    let weightedScoreSum = 0;
    for (const [, answer] of entries) {
      const weight = weightOf(answer);
      weightSum += weight;
      weightedScoreSum += weight * clampScore(answer.score);
    }
    for (const [questionId, answer] of entries) {
      let tally = tallies.get(questionId);
      if (!tally) {
        tally = {
          responses: 0,
          learners: new Set(),
          scoreSum: 0,
          blank: 0,
          chosen: new Map(),
          scores: [],
          rests: [],
          scoreGroups: new Map(),
        };
        tallies.set(questionId, tally);
      }
      const score = clampScore(answer.score);
      const weight = weightOf(answer);
      tally.responses++;
      tally.learners.add(attempt.learnerId);
      tally.scoreSum += score;
      const group = Math.round(score * 1000);
      tally.scoreGroups.set(group, (tally.scoreGroups.get(group) ?? 0) + 1);
      if (answer.chosen.length === 0) tally.blank++;
      // A repeated id in one answer counts once: "how many responses chose it".
      for (const id of new Set(answer.chosen)) tally.chosen.set(id, (tally.chosen.get(id) ?? 0) + 1);
      const restWeight = weightSum - weight;
      if (restWeight > 0) {
        tally.scores.push(score);
        tally.rests.push((weightedScoreSum - weight * score) / restWeight);
      }
    }
  }
  return tallies;
}

function summarize(questionId: string, tally: Tally): QuestionStats {
  const facility = tally.scoreSum / tally.responses;
  const discrimination = pearson(tally.scores, tally.rests);
  const options = [...tally.chosen]
    .map(([id, count]) => ({ id, count, share: count / tally.responses }))
    .sort((a, b) => b.count - a.count || compareIds(a.id, b.id));
  return {
    questionId,
    responses: tally.responses,
    learners: tally.learners.size,
    facility,
    discrimination,
    options,
    hint: hintFor(facility, discrimination),
    blank: tally.blank,
    scoreGroups: [...tally.scoreGroups.values()],
  };
}

export function hintFor(facility: number, discrimination: number | null): QuestionStats["hint"] {
  if (facility > TOO_EASY_ABOVE) return "too-easy";
  if (discrimination !== null && discrimination < 0) return "ambiguous";
  if (facility < TOO_HARD_BELOW) return "too-hard";
  if (discrimination !== null && discrimination < WEAK_BELOW) return "weak";
  return null;
}

function orderQuestionIds(ids: string[], quizOrder: readonly string[] | undefined): string[] {
  const position = new Map((quizOrder ?? []).map((id, i) => [id, i] as const));
  const rank = (id: string): number => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  return ids.sort((a, b) => rank(a) - rank(b) || compareIds(a, b));
}

// "q2" before "q10"; a fixed locale so the order never depends on the server's settings.
const collator = new Intl.Collator("en", { numeric: true });
const compareIds = (a: string, b: string): number => collator.compare(a, b);

// Scores come from grading (already 0..1); clamping keeps one corrupt row from skewing a cohort.
const clampScore = (score: number): number => (Number.isFinite(score) ? Math.max(0, Math.min(1, score)) : 0);
const weightOf = (answer: ScoredAnswer): number =>
  answer.points !== undefined && Number.isFinite(answer.points) && answer.points >= 0 ? answer.points : 1;
