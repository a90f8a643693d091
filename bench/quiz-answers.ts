// Quiz answers per second: 50 signed-in learners (one per connection) check questions
// one by one with htmx — each check writes an answer (and the first creates the attempt)
// — and finish each attempt, then start the next. Every response is checked.
import path from "node:path";
import autocannon from "autocannon";
import type { QuizQuestion } from "../src/courses/catalog.js";
import { loadCatalog } from "../src/courses/loader/load-catalog.js";
import { pacedLoad } from "./paced-load.js";
import { startChild } from "./processes.js";
import { seedUsers } from "./seed-users.js";
import type { Figure } from "./stats.js";

const COURSE = "drug-decriminalisation";
const MODULE = "definitions-and-support";

/** A valid (not necessarily right) answer for each question type. */
function answerFields(q: QuizQuestion): Record<string, string> {
  const name = `q.${q.id}`;
  switch (q.type) {
    case "single_choice":
    case "multiple_choice":
      return { [name]: q.options[0]!.id };
    case "true_false":
      return { [name]: "true" };
    case "short_text":
      return { [name]: "decriminalisation" };
    case "numeric":
      return { [name]: "2001" };
    case "matching":
      return Object.fromEntries(q.pairs.map((p) => [`${name}.${p.id}`, q.choices[0]!]));
    case "ordering":
      return Object.fromEntries(q.items.map((item, i) => [`${name}.${item.id}`, String(i + 1)]));
  }
}

/** One learner per connection at a time, leased for a whole attempt and then returned. */
type Lease = { user: number; attempt: number };

/** One run at full speed: autocannon, 50 connections, one learner per connection at a time. */
async function run(duration: number, connections: number) {
  const quiz = loadCatalog(path.resolve("courses")).catalog!.courseById.get(COURSE)!.moduleById.get(MODULE)!.quiz!;
  const app = await startChild("bench/app-child.ts");
  try {
    const users = await seedUsers(String(app.data.databaseUrl), connections + 10);
    const pool: Lease[] = users.map((_u, user) => ({ user, attempt: 1 }));
    const quizPath = `/courses/${COURSE}/${MODULE}/quiz`;
    let checks = 0;
    let submits = 0;
    let unexpected = 0;
    // autocannon resets a connection's context each time this list loops: one loop = one attempt.
    const steps = [
      ...quiz.questions.map((q) => ({ path: `${quizPath}/questions/${q.id}`, fields: answerFields(q) })),
      { path: quizPath, fields: {} },
    ];
    const requests = steps.map((step, i) => ({
      method: "POST" as const,
      setupRequest: (req: autocannon.Request, context: object) => {
        const ctx = context as { lease?: Lease };
        if (i === 0 || !ctx.lease) ctx.lease = pool.shift()!;
        return {
          ...req,
          path: step.path,
          headers: {
            cookie: users[ctx.lease.user]!.cookie,
            origin: "http://localhost:3000",
            "content-type": "application/x-www-form-urlencoded",
            "hx-request": "true",
          },
          body: new URLSearchParams({ attempt: String(ctx.lease.attempt), ...step.fields }).toString(),
        };
      },
      onResponse: (status: number, body: string, context: object) => {
        const ctx = context as { lease?: Lease };
        if (status !== 200) {
          unexpected++;
          if (process.env.BENCH_DEBUG && unexpected < 4) console.error(status, step.path, body.slice(0, 200));
        }
        if (i < steps.length - 1) return void checks++;
        submits++;
        ctx.lease!.attempt++;
        pool.push(ctx.lease!);
        delete ctx.lease;
      },
    }));
    const result = await autocannon({
      url: `http://127.0.0.1:${app.port}${quizPath}`,
      connections,
      duration,
      requests,
    });
    return { checks, submits, unexpected, result };
  } finally {
    app.stop();
  }
}

/** At a steady offered rate of answers (7 checks + 1 finish per attempt), open loop. */
async function paced(duration: number, connections: number, answersPerSecond: number) {
  const quiz = loadCatalog(path.resolve("courses")).catalog!.courseById.get(COURSE)!.moduleById.get(MODULE)!.quiz!;
  const app = await startChild("bench/app-child.ts");
  try {
    const users = await seedUsers(String(app.data.databaseUrl), 200);
    const idle: { user: number; attempt: number; step: number }[] = users.map((_u, user) => ({
      user,
      attempt: 1,
      step: 0,
    }));
    const quizPath = `/courses/${COURSE}/${MODULE}/quiz`;
    let checks = 0;
    let unexpected = 0;
    const steps = quiz.questions.length + 1;
    const result = await pacedLoad({
      port: app.port,
      connections,
      seconds: duration,
      ratePerSecond: Math.round((answersPerSecond * steps) / (steps - 1)),
      next: () => {
        const learner = idle.shift();
        if (!learner) return null;
        const question = quiz.questions[learner.step];
        const fields = question ? answerFields(question) : {};
        return {
          request: {
            method: "POST",
            path: question ? `${quizPath}/questions/${question.id}` : quizPath,
            headers: {
              cookie: users[learner.user]!.cookie,
              origin: "http://localhost:3000",
              "content-type": "application/x-www-form-urlencoded",
              "hx-request": "true",
            },
            body: new URLSearchParams({ attempt: String(learner.attempt), ...fields }).toString(),
          },
          done: (status) => {
            if (status !== 200) unexpected++;
            if (question) {
              checks++;
              learner.step++;
            } else {
              learner.attempt++;
              learner.step = 0;
            }
            idle.push(learner);
          },
        };
      },
    });
    return { ...result, checks, unexpected };
  } finally {
    app.stop();
  }
}

export async function benchQuizAnswers(duration: number, connections = 50): Promise<Figure[]> {
  const peak = await run(duration, connections);
  const steady = await paced(duration, connections, 1000);
  const errors = peak.result.errors + peak.result.timeouts + peak.unexpected + steady.errors + steady.unexpected;
  return [
    {
      name: `quiz answers checked/s, peak (${connections} signed-in learners, htmx, SQLite writes)`,
      value: peak.checks / duration,
      unit: "answers/s",
      target: "≥ 1,000",
      ok: peak.checks / duration >= 1000,
    },
    { name: "quiz attempts finished/s, peak", value: peak.submits / duration, unit: "attempts/s" },
    {
      name: "quiz requests p99 at peak (50 connections saturating the server)",
      value: peak.result.latency.p99,
      unit: "ms",
    },
    {
      name: "quiz requests p50 at a steady 1,000 answers/s (open loop, 50 connections)",
      value: steady.p50,
      unit: "ms",
    },
    {
      name: "quiz requests p99 at a steady 1,000 answers/s",
      value: steady.p99,
      unit: "ms",
      target: "≤ 30 ms",
      ok: steady.p99 <= 30,
    },
    { name: "answers checked/s achieved at the steady rate", value: steady.checks / duration, unit: "answers/s" },
    {
      name: "quiz errors in both runs (connection errors, timeouts, unexpected status)",
      value: errors,
      unit: "",
      target: "0",
      ok: errors === 0,
    },
  ];
}
