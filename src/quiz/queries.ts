// The only place quiz attempts touch the database. Checking an answer is the busiest
// write of the platform, so these are synchronous statements on the direct SQL route
// (src/db/direct.ts, docs/decisions/0007-hot-path-sql.md): the service reads and grades
// first, then writes in one short transaction that re-checks everything it relies on.
import type { SyncSql } from "../db/direct.js";
import { asBool, asDate, type Row } from "../db/direct.js";

export type QuizKey = { userId: string; courseId: string; moduleId: string; quizId: string };
export type AttemptHead = {
  id: string;
  number: number;
  submittedAt: Date | null;
  score: number | null;
  passed: boolean | null;
};
export type AttemptRecord = AttemptHead & { snapshot: string; startedAt: Date };
export type AnswerRecord = {
  questionId: string;
  response: string;
  score: number;
  correct: boolean;
  solved: boolean;
  tries: number;
  answeredAt: Date;
};

const KEY = `"userId" = ? AND "courseId" = ? AND "moduleId" = ? AND "quizId" = ?`;
const keyParams = (k: QuizKey) => [k.userId, k.courseId, k.moduleId, k.quizId];
const ANSWER_COLUMNS = `"questionId", "response", "score", "correct", "solved", "tries", "answeredAt"`;

const toHead = (r: Row): AttemptHead => ({
  id: String(r.id),
  number: Number(r.number),
  submittedAt: asDate(r.submittedAt),
  score: r.score === null ? null : Number(r.score),
  passed: r.passed === null ? null : asBool(r.passed),
});

const toAnswer = (r: Row): AnswerRecord => ({
  questionId: String(r.questionId),
  response: String(r.response),
  score: Number(r.score),
  correct: asBool(r.correct),
  solved: asBool(r.solved),
  tries: Number(r.tries),
  answeredAt: asDate(r.answeredAt)!,
});

/** Every attempt of a learner at a quiz, without the (large) snapshots. */
export function listAttemptHeads(sql: SyncSql, k: QuizKey): AttemptHead[] {
  return sql
    .rows(
      `SELECT "id", "number", "submittedAt", "score", "passed" FROM "QuizAttempt" WHERE ${KEY} ORDER BY "number"`,
      keyParams(k),
    )
    .map(toHead);
}

export function findSnapshot(sql: SyncSql, attemptId: string): string | null {
  const [row] = sql.rows(`SELECT "snapshot" FROM "QuizAttempt" WHERE "id" = ?`, [attemptId]);
  return row ? String(row.snapshot) : null;
}

export function findAttempt(sql: SyncSql, k: QuizKey, number: number): AttemptRecord | null {
  const [row] = sql.rows(
    `SELECT "id", "number", "snapshot", "startedAt", "submittedAt", "score", "passed" FROM "QuizAttempt" WHERE ${KEY} AND "number" = ?`,
    [...keyParams(k), number],
  );
  return row ? { ...toHead(row), snapshot: String(row.snapshot), startedAt: asDate(row.startedAt)! } : null;
}

export function insertAttempt(
  sql: SyncSql,
  k: QuizKey,
  a: { id: string; number: number; snapshot: string; startedAt: Date },
): void {
  sql.run(
    `INSERT INTO "QuizAttempt" ("id", "userId", "courseId", "moduleId", "quizId", "number", "snapshot", "startedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [a.id, ...keyParams(k), a.number, a.snapshot, a.startedAt],
  );
}

export function listAnswers(sql: SyncSql, attemptId: string): AnswerRecord[] {
  return sql.rows(`SELECT ${ANSWER_COLUMNS} FROM "QuizAnswer" WHERE "attemptId" = ?`, [attemptId]).map(toAnswer);
}

export function findAnswer(sql: SyncSql, attemptId: string, questionId: string): AnswerRecord | null {
  const [row] = sql.rows(`SELECT ${ANSWER_COLUMNS} FROM "QuizAnswer" WHERE "attemptId" = ? AND "questionId" = ?`, [
    attemptId,
    questionId,
  ]);
  return row ? toAnswer(row) : null;
}

/** Writes an answer unless the question already has one (the primary key decides): true when written. */
export function insertAnswer(sql: SyncSql, attemptId: string, a: AnswerRecord): boolean {
  return (
    sql.run(
      `INSERT INTO "QuizAnswer" ("attemptId", ${ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [attemptId, a.questionId, a.response, a.score, a.correct, a.solved, a.tries, a.answeredAt],
    ) === 1
  );
}

export function recordRetry(sql: SyncSql, attemptId: string, questionId: string, solved: boolean): void {
  sql.run(`UPDATE "QuizAnswer" SET "solved" = ?, "tries" = "tries" + 1 WHERE "attemptId" = ? AND "questionId" = ?`, [
    solved,
    attemptId,
    questionId,
  ]);
}

export function markSubmitted(
  sql: SyncSql,
  attemptId: string,
  r: { score: number; passed: boolean; submittedAt: Date },
): void {
  sql.run(`UPDATE "QuizAttempt" SET "score" = ?, "passed" = ?, "submittedAt" = ? WHERE "id" = ?`, [
    r.score,
    r.passed,
    r.submittedAt,
    attemptId,
  ]);
}
