// Quiz attempts. An attempt is created by its first answer (so opening a quiz stores
// nothing), keeps the questions exactly as shown (a snapshot), and is graded only here.
// Every change runs in one transaction that re-checks the attempt number, so replays,
// stale pages and bursts of clicks are refused without storing anything.
import type { Course, Module, Quiz } from "../courses/catalog.js";
import type { AppDeps } from "../deps.js";
import { assertModuleOpen } from "../learning/service.js";
import { ensureEnrolment } from "../learning/queries.js";
import { quizProgress, type QuizProgress } from "../learning/progress.js";
import { generateSecureRandomString } from "../security/random.js";
import { conflict, forbidden, HttpError } from "../web/errors.js";
import { planAttempt, type PlannedQuestion } from "./attempt-plan.js";
import { attemptScore, gradeResponse, isPassing, type Response } from "./grading.js";
import * as q from "./queries.js";
import { parseResponse, unknownQuestionFields, type FormFields } from "./responses.js";

type Deps = Pick<AppDeps, "db" | "clock" | "keyedHash">;
export type QuizContext = { course: Course; module: Module; quiz: Quiz; userId: string };
export type StoredAnswer = Omit<q.AnswerRecord, "response"> & { response: Response | null };
export type AttemptState = { number: number; questions: PlannedQuestion[]; answers: Map<string, StoredAnswer>; started: boolean };
export type SubmittedSummary = { number: number; score: number; passed: boolean; submittedAt: Date };

export type QuizOverview = {
  /** The attempt being taken (open, or the next one); null when no attempts are left. */
  current: AttemptState | null;
  submitted: SubmittedSummary[];
  attemptsLeft: number | null;
  progress: QuizProgress;
};

const keyOf = ({ course, module, quiz, userId }: QuizContext): q.QuizKey => ({ userId, courseId: course.id, moduleId: module.id, quizId: quiz.id });

function plan(deps: Deps, ctx: QuizContext, number: number): PlannedQuestion[] {
  return planAttempt(ctx.quiz, deps.keyedHash(`attempt|${ctx.userId}|${ctx.course.id}|${ctx.module.id}|${ctx.quiz.id}|${number}`));
}

export function readSnapshot(attempt: q.AttemptRecord): PlannedQuestion[] {
  return (JSON.parse(attempt.snapshot) as { questions: PlannedQuestion[] }).questions;
}

const toStored = (a: q.AnswerRecord): StoredAnswer => ({ ...a, response: a.response ? (JSON.parse(a.response) as Response) : null });

export async function quizOverview(deps: Deps, ctx: QuizContext): Promise<QuizOverview> {
  const attempts = await q.listAttempts(deps.db, keyOf(ctx));
  const submitted = attempts.filter((a) => a.submittedAt).map((a) => ({ number: a.number, score: a.score ?? 0, passed: a.passed ?? false, submittedAt: a.submittedAt! }));
  const progress = quizProgress(submitted.map((s) => ({ moduleId: ctx.module.id, quizId: ctx.quiz.id, ...s })), ctx.course.completion.quizScore);
  const max = ctx.quiz.settings.maxAttempts;
  const open = attempts.find((a) => !a.submittedAt);
  const attemptsLeft = max === 0 ? null : Math.max(0, max - attempts.length + (open ? 1 : 0));
  let current: AttemptState | null = null;
  if (open) current = { number: open.number, questions: readSnapshot(open), answers: new Map((await q.listAnswers(deps.db, open.id)).map((a) => [a.questionId, toStored(a)])), started: true };
  else if (attemptsLeft !== 0) {
    const number = (attempts.at(-1)?.number ?? 0) + 1;
    current = { number, questions: plan(deps, ctx, number), answers: new Map(), started: false };
  }
  return { current, submitted, attemptsLeft, progress };
}

/** Inside a transaction: the open attempt with this number, created if it is the next one. */
async function openAttempt(deps: Deps, tx: Parameters<Parameters<Deps["db"]["$transaction"]>[0]>[0], ctx: QuizContext, number: number): Promise<q.AttemptRecord> {
  const key = keyOf(ctx);
  const attempts = await q.listAttempts(tx, key);
  const existing = attempts.find((a) => a.number === number);
  if (existing) {
    if (existing.submittedAt) throw conflict("quiz.attempt.alreadySubmitted", { number });
    return existing;
  }
  const open = attempts.find((a) => !a.submittedAt);
  const next = (attempts.at(-1)?.number ?? 0) + 1;
  if (open || number !== next) throw conflict("quiz.attempt.stale");
  const max = ctx.quiz.settings.maxAttempts;
  if (max !== 0 && number > max) throw forbidden("quiz.attempt.noneLeft", { max });
  const now = deps.clock.now();
  await ensureEnrolment(tx, ctx.userId, ctx.course.id, now);
  const attempt = { id: generateSecureRandomString(16), number, snapshot: JSON.stringify({ questions: plan(deps, ctx, number) }), startedAt: now };
  await q.insertAttempt(tx, key, attempt);
  return { ...attempt, submittedAt: null, score: null, passed: null };
}

function parseOrThrow(question: PlannedQuestion, fields: FormFields, position: number, { allowEmpty }: { allowEmpty: boolean }): Response | null {
  const parsed = parseResponse(question, fields);
  if (parsed.ok) return parsed.response;
  if (parsed.reason === "empty") {
    if (allowEmpty) return null;
    throw new HttpError(422, "quiz.answer.empty", { position });
  }
  throw new HttpError(400, "quiz.answer.invalid", { position });
}

export type CheckResult = { question: PlannedQuestion; position: number; total: number; answer: StoredAnswer; number: number; justSolved: boolean };

/** Checks one question. "answers" quizzes take one answer; "retry" quizzes allow tries until right (the first counts). */
export async function checkAnswer(deps: Deps, ctx: QuizContext, questionId: string, number: number, fields: FormFields): Promise<CheckResult> {
  await assertModuleOpen(deps, ctx.userId, ctx.course, ctx.module);
  return deps.db.$transaction(async (tx) => {
    const attempt = await openAttempt(deps, tx, ctx, number);
    const questions = readSnapshot(attempt);
    const position = questions.findIndex((x) => x.id === questionId) + 1;
    const question = questions[position - 1];
    if (!question) throw new HttpError(400, "quiz.question.unknown");
    const response = parseOrThrow(question, fields, position, { allowEmpty: false })!;
    const grade = gradeResponse(question, response);
    const existing = (await q.listAnswers(tx, attempt.id)).find((a) => a.questionId === questionId);
    const now = deps.clock.now();
    if (existing) {
      if (ctx.quiz.settings.reveal === "answers") throw conflict("quiz.question.alreadyAnswered", { position });
      if (existing.solved) throw conflict("quiz.question.alreadySolved", { position });
      await q.recordRetry(tx, attempt.id, questionId, grade.correct);
      return { question, position, total: questions.length, number, justSolved: grade.correct, answer: { ...toStored(existing), solved: grade.correct, tries: existing.tries + 1 } };
    }
    const answer: q.AnswerRecord = { questionId, response: JSON.stringify(response), score: grade.score, correct: grade.correct, solved: grade.correct, tries: 1, answeredAt: now };
    await q.insertAnswer(tx, attempt.id, answer);
    return { question, position, total: questions.length, number, justSolved: grade.correct, answer: toStored(answer) };
  });
}

export type SubmitResult = { number: number; score: number; passed: boolean };

/** Finishes an attempt: grades what is not answered yet (blank = 0) and records the score. */
export async function submitQuiz(deps: Deps, ctx: QuizContext, number: number, fields: FormFields): Promise<SubmitResult> {
  await assertModuleOpen(deps, ctx.userId, ctx.course, ctx.module);
  return deps.db.$transaction(async (tx) => {
    const attempt = await openAttempt(deps, tx, ctx, number);
    const questions = readSnapshot(attempt);
    if (unknownQuestionFields(fields, new Set(questions.map((x) => x.id))).length > 0) throw new HttpError(400, "quiz.answer.foreign");
    const stored = new Map((await q.listAnswers(tx, attempt.id)).map((a) => [a.questionId, a]));
    const now = deps.clock.now();
    const fresh: q.AnswerRecord[] = [];
    questions.forEach((question, i) => {
      if (stored.has(question.id)) return;
      const response = parseOrThrow(question, fields, i + 1, { allowEmpty: true });
      if (!response) return;
      const grade = gradeResponse(question, response);
      fresh.push({ questionId: question.id, response: JSON.stringify(response), score: grade.score, correct: grade.correct, solved: grade.correct, tries: 1, answeredAt: now });
    });
    await q.insertAnswers(tx, attempt.id, fresh);
    const scores = new Map([...stored.values(), ...fresh].map((a) => [a.questionId, a.score]));
    const score = attemptScore(questions, scores);
    const passed = isPassing(score, ctx.quiz.settings.passMark);
    if (!(await q.submitAttempt(tx, attempt.id, { score, passed, submittedAt: now }))) throw conflict("quiz.attempt.alreadySubmitted", { number });
    return { number, score, passed };
  });
}

export type AttemptReview = { number: number; score: number; passed: boolean; submittedAt: Date; questions: PlannedQuestion[]; answers: Map<string, StoredAnswer> };

/** A submitted attempt as it was, from its snapshot: later edits to the quiz do not change it. */
export async function reviewAttempt(deps: Deps, ctx: QuizContext, number: number): Promise<AttemptReview | null> {
  const attempt = await q.findAttempt(deps.db, keyOf(ctx), number);
  if (!attempt?.submittedAt) return null;
  const answers = await q.listAnswers(deps.db, attempt.id);
  return {
    number,
    score: attempt.score ?? 0,
    passed: attempt.passed ?? false,
    submittedAt: attempt.submittedAt,
    questions: readSnapshot(attempt),
    answers: new Map(answers.map((a) => [a.questionId, toStored(a)])),
  };
}
