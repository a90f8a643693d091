// The only place quiz attempts touch the database.
import type { DbClient } from "../db/client.js";

export type QuizKey = { userId: string; courseId: string; moduleId: string; quizId: string };
export type AttemptRecord = { id: string; number: number; snapshot: string; startedAt: Date; submittedAt: Date | null; score: number | null; passed: boolean | null };
export type AnswerRecord = { questionId: string; response: string; score: number; correct: boolean; solved: boolean; tries: number; answeredAt: Date };

const attemptFields = { id: true, number: true, snapshot: true, startedAt: true, submittedAt: true, score: true, passed: true } as const;

export function listAttempts(db: DbClient, key: QuizKey): Promise<AttemptRecord[]> {
  return db.quizAttempt.findMany({ where: key, orderBy: { number: "asc" }, select: attemptFields });
}

export function findAttempt(db: DbClient, key: QuizKey, number: number): Promise<AttemptRecord | null> {
  return db.quizAttempt.findUnique({ where: { userId_courseId_moduleId_quizId_number: { ...key, number } }, select: attemptFields });
}

export async function insertAttempt(db: DbClient, key: QuizKey, attempt: { id: string; number: number; snapshot: string; startedAt: Date }): Promise<void> {
  await db.quizAttempt.create({ data: { ...key, ...attempt } });
}

export function listAnswers(db: DbClient, attemptId: string): Promise<AnswerRecord[]> {
  return db.quizAnswer.findMany({ where: { attemptId }, select: { questionId: true, response: true, score: true, correct: true, solved: true, tries: true, answeredAt: true } });
}

export async function insertAnswer(db: DbClient, attemptId: string, answer: AnswerRecord): Promise<void> {
  await db.quizAnswer.create({ data: { attemptId, ...answer } });
}

export async function insertAnswers(db: DbClient, attemptId: string, answers: AnswerRecord[]): Promise<void> {
  if (answers.length) await db.quizAnswer.createMany({ data: answers.map((a) => ({ attemptId, ...a })) });
}

export async function recordRetry(db: DbClient, attemptId: string, questionId: string, solved: boolean): Promise<void> {
  await db.quizAnswer.update({ where: { attemptId_questionId: { attemptId, questionId } }, data: { solved, tries: { increment: 1 } } });
}

/** Marks the attempt submitted only if it still is not: the row decides under concurrency. */
export async function submitAttempt(db: DbClient, attemptId: string, result: { score: number; passed: boolean; submittedAt: Date }): Promise<boolean> {
  const { count } = await db.quizAttempt.updateMany({ where: { id: attemptId, submittedAt: null }, data: result });
  return count === 1;
}
