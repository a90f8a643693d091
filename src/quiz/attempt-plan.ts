// Which questions an attempt shows, in which order, with options in which order. Decided
// from a seed, so the page shown before the first answer and the attempt the first answer
// creates agree — and stay the same for the whole attempt.
import { createHash } from "node:crypto";
import type { Quiz, QuizQuestion } from "../courses/catalog.js";

export type PlannedQuestion = QuizQuestion & {
  /** For ordering questions: the item ids in the (shuffled) order shown. */
  displayOrder?: readonly string[];
};

export function planAttempt(quiz: Quiz, seed: string): PlannedQuestion[] {
  const random = seededRandom(seed);
  let questions = [...quiz.questions];
  if (quiz.settings.shuffleQuestions || quiz.settings.draw !== undefined) questions = shuffle(questions, random);
  if (quiz.settings.draw !== undefined) {
    const drawn = new Set(questions.slice(0, quiz.settings.draw).map((q) => q.id));
    // A drawn pool keeps the authors' order unless shuffling is asked for.
    questions = quiz.settings.shuffleQuestions
      ? questions.slice(0, quiz.settings.draw)
      : quiz.questions.filter((q) => drawn.has(q.id));
  }
  return questions.map((q): PlannedQuestion => {
    if ((q.type === "single_choice" || q.type === "multiple_choice") && quiz.settings.shuffleOptions)
      return { ...q, options: shuffle(q.options, random) };
    if (q.type === "ordering")
      return {
        ...q,
        displayOrder: scrambled(
          q.items.map((i) => i.id),
          random,
        ),
      };
    return q;
  });
}

/** A shuffle that never shows an ordering question already in the right order. */
function scrambled(ids: string[], random: () => number): string[] {
  const order = shuffle(ids, random);
  if (order.length > 1 && order.every((id, i) => id === ids[i])) order.push(order.shift()!);
  return order;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** mulberry32 seeded from the seed's first 32 bits: small, fast, deterministic. */
function seededRandom(seed: string): () => number {
  let state = parseInt(createHash("sha256").update(seed).digest("hex").slice(0, 8), 16);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
