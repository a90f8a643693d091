// Quiz attempts. An attempt is created by its first answer (so opening a quiz stores
// nothing), keeps the questions exactly as shown (a snapshot), and is graded only here.
// Every change runs in one transaction that re-checks the attempt number, so replays,
// stale pages and bursts of clicks are refused without storing anything.
import type { Course, Module, Quiz } from "../courses/catalog.js";
import { inTransaction, type SyncSql, withSql } from "../db/direct.js";
import type { AppDeps } from "../deps.js";
import { type QuizProgress, quizProgress } from "../learning/progress.js";
import { ensureEnrolment } from "../learning/queries.js";
import { assertModuleOpen } from "../learning/service.js";
import { generateSecureRandomString } from "../security/random.js";
import { conflict, forbidden, HttpError } from "../web/errors.js";
import { type PlannedQuestion, planAttempt } from "./attempt-plan.js";
import { attemptScore, gradeResponse, isPassing, type Response } from "./grading.js";
import * as q from "./queries.js";
import { type FormFields, parseResponse, unknownQuestionFields } from "./responses.js";
import { questionsInLanguage } from "./snapshot-language.js";

type Deps = Pick<AppDeps, "db" | "clock" | "keyedHash">;
export type QuizContext = { course: Course; module: Module; quiz: Quiz; userId: string };
export type StoredAnswer = Omit<q.AnswerRecord, "response"> & { response: Response | null };
export type AttemptState = {
  number: number;
  questions: PlannedQuestion[];
  answers: Map<string, StoredAnswer>;
  started: boolean;
};
export type SubmittedSummary = { number: number; score: number; passed: boolean; submittedAt: Date };

export type QuizOverview = {
  /** The attempt being taken (open, or the next one); null when no attempts are left. */
  current: AttemptState | null;
  submitted: SubmittedSummary[];
  attemptsLeft: number | null;
  progress: QuizProgress;
};

const keyOf = ({ course, module, quiz, userId }: QuizContext): q.QuizKey => ({
  userId,
  courseId: course.id,
  moduleId: module.id,
  quizId: quiz.id,
});

function plan(deps: Deps, ctx: QuizContext, number: number): PlannedQuestion[] {
  return planAttempt(
    ctx.quiz,
    deps.keyedHash(`attempt|${ctx.userId}|${ctx.course.id}|${ctx.module.id}|${ctx.quiz.id}|${number}`),
  );
}

// Snapshots never change once written: keep recently used ones parsed.
/** `language`: the course language the attempt was started in (absent in older snapshots: the source's). */
type Snapshot = { questions: PlannedQuestion[]; language: string | undefined };
const snapshots = new Map<string, Snapshot>();
const SNAPSHOT_CACHE_SIZE = 2000;

function remember(attemptId: string, snapshot: Snapshot): Snapshot {
  if (snapshots.size >= SNAPSHOT_CACHE_SIZE) snapshots.delete(snapshots.keys().next().value!);
  snapshots.set(attemptId, snapshot);
  return snapshot;
}

function parseSnapshot(json: string): Snapshot {
  const { questions, language } = JSON.parse(json) as { questions: PlannedQuestion[]; language?: string };
  return { questions, language };
}

/** The snapshot's questions as the learner now reads the course: in another language, relabelled. */
function shownIn(snapshot: Snapshot, ctx: QuizContext): PlannedQuestion[] {
  const language = snapshot.language ?? (ctx.course.translation ? undefined : ctx.course.language);
  return language === ctx.course.language ? snapshot.questions : questionsInLanguage(snapshot.questions, ctx.quiz);
}

/** A stored attempt's questions (inside a direct transaction or `withSql`). */
function snapshotIn(sql: SyncSql, attemptId: string): Snapshot {
  const cached = snapshots.get(attemptId);
  if (cached) return cached;
  const json = q.findSnapshot(sql, attemptId);
  if (json === null) throw conflict("quiz.attempt.stale");
  return remember(attemptId, parseSnapshot(json));
}

const snapshotOf = (deps: Deps, attemptId: string) =>
  snapshots.get(attemptId) ?? withSql(deps.db, (sql) => snapshotIn(sql, attemptId));
const headsOf = (deps: Deps, ctx: QuizContext) => withSql(deps.db, (sql) => q.listAttemptHeads(sql, keyOf(ctx)));

const toStored = (a: q.AnswerRecord): StoredAnswer => ({
  ...a,
  response: a.response ? (JSON.parse(a.response) as Response) : null,
});

export async function quizOverview(deps: Deps, ctx: QuizContext): Promise<QuizOverview> {
  const attempts = await headsOf(deps, ctx);
  const submitted = attempts
    .filter((a) => a.submittedAt)
    .map((a) => ({ number: a.number, score: a.score ?? 0, passed: a.passed ?? false, submittedAt: a.submittedAt! }));
  const progress = quizProgress(
    submitted.map((s) => ({ moduleId: ctx.module.id, quizId: ctx.quiz.id, ...s })),
    ctx.course.completion.quizScore,
  );
  const max = ctx.quiz.settings.maxAttempts;
  const open = attempts.find((a) => !a.submittedAt);
  const attemptsLeft = max === 0 ? null : Math.max(0, max - attempts.length + (open ? 1 : 0));
  let current: AttemptState | null = null;
  if (open) {
    const questions = shownIn(await snapshotOf(deps, open.id), ctx);
    const answers = await withSql(deps.db, (sql) => q.listAnswers(sql, open.id));
    current = {
      number: open.number,
      questions,
      answers: new Map(answers.map((a) => [a.questionId, toStored(a)])),
      started: true,
    };
  } else if (attemptsLeft !== 0) {
    const number = (attempts.at(-1)?.number ?? 0) + 1;
    current = { number, questions: plan(deps, ctx, number), answers: new Map(), started: false };
  }
  return { current, submitted, attemptsLeft, progress };
}

type ResolvedAttempt = { id: string; questions: PlannedQuestion[]; created: boolean };

/**
 * Inside the write transaction: the attempt this request works on — the open one with
 * this number, or a new one if it is the next — re-checked against what is stored now.
 */
function resolveAttempt(sql: SyncSql, deps: Deps, ctx: QuizContext, number: number, now: Date): ResolvedAttempt {
  const key = keyOf(ctx);
  const attempts = q.listAttemptHeads(sql, key);
  const existing = attempts.find((a) => a.number === number);
  if (existing) {
    if (existing.submittedAt) throw conflict("quiz.attempt.alreadySubmitted", { number });
    return { id: existing.id, questions: shownIn(snapshotIn(sql, existing.id), ctx), created: false };
  }
  const open = attempts.find((a) => !a.submittedAt);
  const next = (attempts.at(-1)?.number ?? 0) + 1;
  if (open || number !== next) throw conflict("quiz.attempt.stale");
  const max = ctx.quiz.settings.maxAttempts;
  if (max !== 0 && number > max) throw forbidden("quiz.attempt.noneLeft", { max, count: max });
  ensureEnrolment(sql, ctx.userId, ctx.course.id, now);
  const questions = plan(deps, ctx, number);
  const id = generateSecureRandomString(16);
  const language = ctx.course.language;
  q.insertAttempt(sql, key, { id, number, snapshot: JSON.stringify({ questions, language }), startedAt: now });
  return { id, questions, created: true };
}

/** The questions a request for this attempt number answers: the stored ones, or the next plan. */
async function questionsFor(deps: Deps, ctx: QuizContext, number: number): Promise<PlannedQuestion[]> {
  const existing = (await headsOf(deps, ctx)).find((a) => a.number === number);
  if (existing?.submittedAt) throw conflict("quiz.attempt.alreadySubmitted", { number });
  return existing ? shownIn(await snapshotOf(deps, existing.id), ctx) : plan(deps, ctx, number);
}

function parseOrThrow(
  question: PlannedQuestion,
  fields: FormFields,
  position: number,
  { allowEmpty }: { allowEmpty: boolean },
): Response | null {
  const parsed = parseResponse(question, fields);
  if (parsed.ok) return parsed.response;
  if (parsed.reason === "empty") {
    if (allowEmpty) return null;
    throw new HttpError(422, "quiz.answer.empty", { position });
  }
  throw new HttpError(400, parsed.problem.key, { position, ...parsed.problem.params });
}

/** Answers in a finished quiz that could not be read: each is shown on its own question. */
export class UnreadableAnswers extends Error {
  override name = "UnreadableAnswers";
  constructor(readonly problems: { questionId: string; position: number; key: string; params: Params }[]) {
    super(`${problems.length} answers could not be read`);
  }
}
type Params = Record<string, number>;

export type CheckResult = {
  question: PlannedQuestion;
  position: number;
  total: number;
  answer: StoredAnswer;
  number: number;
  justSolved: boolean;
};

/**
 * Checks one question. "answers" quizzes take one answer; "retry" quizzes allow tries
 * until right (the first counts). Reading and grading happen first; the write is one
 * short transaction that re-checks the attempt, so replays, stale pages and bursts of
 * clicks are refused without storing anything (the primary key settles double clicks).
 */
export async function checkAnswer(
  deps: Deps,
  ctx: QuizContext,
  questionId: string,
  number: number,
  fields: FormFields,
): Promise<CheckResult> {
  await assertModuleOpen(deps, ctx.userId, ctx.course, ctx.module);
  const questions = await questionsFor(deps, ctx, number);
  const position = questions.findIndex((x) => x.id === questionId) + 1;
  const question = questions[position - 1];
  if (!question) throw new HttpError(400, "quiz.question.unknown");
  const response = parseOrThrow(question, fields, position, { allowEmpty: false })!;
  const grade = gradeResponse(question, response);
  const now = deps.clock.now();
  const fresh: q.AnswerRecord = {
    questionId,
    response: JSON.stringify(response),
    score: grade.score,
    correct: grade.correct,
    solved: grade.correct,
    tries: 1,
    answeredAt: now,
  };
  const outcome = await inTransaction(deps.db, (sql) => {
    const attempt = resolveAttempt(sql, deps, ctx, number, now);
    if (q.insertAnswer(sql, attempt.id, fresh)) return { attempt, answer: toStored(fresh) };
    const prior = q.findAnswer(sql, attempt.id, questionId)!;
    if (ctx.quiz.settings.reveal === "answers") throw conflict("quiz.question.alreadyAnswered", { position });
    if (prior.solved) throw conflict("quiz.question.alreadySolved", { position });
    q.recordRetry(sql, attempt.id, questionId, grade.correct);
    return { attempt, answer: { ...toStored(prior), solved: grade.correct, tries: prior.tries + 1 } };
  });
  if (outcome.attempt.created)
    remember(outcome.attempt.id, { questions: outcome.attempt.questions, language: ctx.course.language });
  return { question, position, total: questions.length, number, justSolved: grade.correct, answer: outcome.answer };
}

export type SubmitResult = { number: number; score: number; passed: boolean };

/** Finishing would leave these questions (positions, from 1) unanswered: the learner confirms first. */
export class UnansweredQuestions extends Error {
  override name = "UnansweredQuestions";
  constructor(readonly positions: number[]) {
    super(`${positions.length} questions unanswered`);
  }
}

/**
 * Finishes an attempt: grades what is not answered yet (blank = 0) and records the score.
 * Unless `confirmed`, an attempt with unanswered questions is not finished (nothing is stored):
 * a mistaken tap must not spend an attempt.
 */
export async function submitQuiz(
  deps: Deps,
  ctx: QuizContext,
  number: number,
  fields: FormFields,
  { confirmed }: { confirmed: boolean } = { confirmed: true },
): Promise<SubmitResult> {
  await assertModuleOpen(deps, ctx.userId, ctx.course, ctx.module);
  const questions = await questionsFor(deps, ctx, number);
  if (unknownQuestionFields(fields, new Set(questions.map((x) => x.id))).length > 0)
    throw new HttpError(400, "quiz.answer.foreign");
  const now = deps.clock.now();
  // Graded before the transaction; answers already stored for the attempt take precedence.
  const unreadable: UnreadableAnswers["problems"] = [];
  const graded = questions.flatMap((question, i): q.AnswerRecord[] => {
    const parsed = parseResponse(question, fields);
    if (!parsed.ok) {
      if (parsed.reason === "invalid")
        unreadable.push({
          questionId: question.id,
          position: i + 1,
          ...parsed.problem,
          params: parsed.problem.params ?? {},
        });
      return [];
    }
    const response = parsed.response;
    const grade = gradeResponse(question, response);
    return [
      {
        questionId: question.id,
        response: JSON.stringify(response),
        score: grade.score,
        correct: grade.correct,
        solved: grade.correct,
        tries: 1,
        answeredAt: now,
      },
    ];
  });
  if (unreadable.length > 0) throw new UnreadableAnswers(unreadable);
  const result = await inTransaction(deps.db, (sql) => {
    const attempt = resolveAttempt(sql, deps, ctx, number, now);
    const scores = new Map(q.listAnswers(sql, attempt.id).map((a) => [a.questionId, a.score] as const));
    for (const answer of graded) {
      if (scores.has(answer.questionId)) continue;
      q.insertAnswer(sql, attempt.id, answer);
      scores.set(answer.questionId, answer.score);
    }
    const unanswered = attempt.questions.flatMap((question, i) => (scores.has(question.id) ? [] : [i + 1]));
    // Thrown inside the transaction, so a new attempt or answers given here are not kept either.
    if (!confirmed && unanswered.length > 0) throw new UnansweredQuestions(unanswered);
    const score = attemptScore(attempt.questions, scores);
    const passed = isPassing(score, ctx.quiz.settings.passMark);
    q.markSubmitted(sql, attempt.id, { score, passed, submittedAt: now });
    return { attempt, score, passed };
  });
  if (result.attempt.created)
    remember(result.attempt.id, { questions: result.attempt.questions, language: ctx.course.language });
  return { number, score: result.score, passed: result.passed };
}

export type AttemptReview = {
  number: number;
  score: number;
  passed: boolean;
  submittedAt: Date;
  questions: PlannedQuestion[];
  answers: Map<string, StoredAnswer>;
};

/** A submitted attempt as it was, from its snapshot: later edits to the quiz do not change it. */
export async function reviewAttempt(deps: Deps, ctx: QuizContext, number: number): Promise<AttemptReview | null> {
  return withSql(deps.db, (sql) => {
    const attempt = q.findAttempt(sql, keyOf(ctx), number);
    if (!attempt?.submittedAt) return null;
    return {
      number,
      score: attempt.score ?? 0,
      passed: attempt.passed ?? false,
      submittedAt: attempt.submittedAt,
      questions: shownIn(snapshots.get(attempt.id) ?? remember(attempt.id, parseSnapshot(attempt.snapshot)), ctx),
      answers: new Map(q.listAnswers(sql, attempt.id).map((a) => [a.questionId, toStored(a)])),
    };
  });
}
