// How long item statistics take for a large cohort: 1,000 attempts × 30 questions.
// The data is synthetic but shaped like the real thing (learner ability drives the scores,
// so correlations are non-trivial) and seeded, so every run measures the same work.
import { itemStatistics, type ScoredAnswer, type ScoredAttempt } from "../src/orgs/item-stats.js";
import { seeded } from "./random.js";
import { type Figure, median } from "./stats.js";

const ATTEMPTS = 1000;
const QUESTIONS = 30;
const LEARNERS = 500; // two attempts each, so best-per-learner has real work to do
const TARGET_MS = 200;

export function syntheticAttempts(count = ATTEMPTS, questions = QUESTIONS, learners = LEARNERS): ScoredAttempt[] {
  const random = seeded(42);
  const difficulty = Array.from({ length: questions }, () => random() * 2 - 1);
  const ability = Array.from({ length: learners }, () => random() * 2 - 1);
  return Array.from({ length: count }, (_, i) => {
    const learner = i % learners;
    const answers: Record<string, ScoredAnswer> = {};
    let earned = 0;
    for (let q = 0; q < questions; q++) {
      const right = random() < 1 / (1 + Math.exp(-(ability[learner]! - difficulty[q]!) * 2));
      const chosen = right ? "a" : ["b", "c", "d"][Math.floor(random() * 3)]!;
      answers[`q${q + 1}`] = { score: right ? 1 : 0, chosen: [chosen] };
      earned += right ? 1 : 0;
    }
    return { learnerId: `learner-${learner}`, total: earned / questions, answers };
  });
}

function time(run: () => unknown, runs: number): number {
  run(); // warm up the JIT so the figure is the steady state a server sees
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function benchItemStats(): Promise<Figure[]> {
  const attempts = syntheticAttempts();
  const all = time(() => itemStatistics(attempts, { useAttempts: "all" }), 9);
  const best = time(() => itemStatistics(attempts), 9);
  const target = `≤ ${TARGET_MS} ms`;
  return [
    {
      name: `item statistics, ${ATTEMPTS} attempts × ${QUESTIONS} questions (all attempts)`,
      value: all,
      unit: "ms",
      target,
      ok: all <= TARGET_MS,
    },
    {
      name: `item statistics, same data, best attempt of ${LEARNERS} learners`,
      value: best,
      unit: "ms",
      target,
      ok: best <= TARGET_MS,
    },
  ];
}
