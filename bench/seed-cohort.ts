// A large cohort written straight into a benchmark's database: an organisation, a trainer
// with a session, and `learners` members of a course with realistic, seeded progress —
// lessons done, quiz attempts with every answer (so item statistics have real work), some
// certificates. Shaped by a per-learner "ability" and "persistence" so the numbers vary.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../src/auth/passwords.js";
import { createSession } from "../src/auth/session.js";
import type { Course, QuizQuestion } from "../src/courses/catalog.js";
import type { Db } from "../src/db/client.js";
import { inTransaction } from "../src/db/direct.js";
import { generateSecureRandomString } from "../src/security/random.js";
import { seeded } from "./random.js";

export type SeededCohort = { url: string; trainerCookie: string; learners: number; attempts: number; answers: number };

/** A response of the stored shape for a question, right or (plausibly) wrong. */
function response(question: QuizQuestion, right: boolean, random: () => number): unknown {
  switch (question.type) {
    case "single_choice": {
      const options = question.options.filter((o) => o.correct === right);
      return {
        type: question.type,
        optionId: (options[Math.floor(random() * options.length)] ?? question.options[0]!).id,
      };
    }
    case "multiple_choice":
      return {
        type: question.type,
        optionIds: question.options.filter((o) => (right ? o.correct : !o.correct)).map((o) => o.id),
      };
    case "true_false":
      return { type: question.type, value: right ? question.answer : !question.answer };
    case "short_text":
      return { type: question.type, text: right ? question.accepted[0]! : "not sure" };
    case "numeric":
      return { type: question.type, value: right ? question.answer : question.answer + 10 };
    case "matching":
      return {
        type: question.type,
        matches: Object.fromEntries(
          question.pairs.map((p, i) => [
            p.id,
            right ? p.match : question.pairs[(i + 1) % question.pairs.length]!.match,
          ]),
        ),
      };
    case "ordering":
      return { type: question.type, order: (right ? question.items : [...question.items].reverse()).map((i) => i.id) };
  }
}

export async function seedCohort(db: Db, course: Course, learners: number, now = new Date()): Promise<SeededCohort> {
  const random = seeded(7);
  const passwordHash = await hashPassword("benchmark passphrase");
  const orgId = randomUUID();
  const cohortId = randomUUID();
  const trainerId = generateSecureRandomString(16);
  const modules = course.modules.filter((m) => m.status === "published");
  const iso = (d: Date) => d.toISOString().replace(/Z$/, "+00:00");
  const daysAgo = (days: number) => iso(new Date(now.getTime() - days * 86_400_000));
  let attempts = 0;
  let answers = 0;
  await inTransaction(db, (sql) => {
    const user = (id: string, name: string) =>
      sql.run(
        `INSERT INTO "User" ("id", "username", "displayName", "passwordHash", "platformRole", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'learner', ?, ?)`,
        [id, `u-${id.slice(0, 12)}`, name, passwordHash, iso(now), iso(now)],
      );
    sql.run(
      `INSERT INTO "Organisation" ("id", "slug", "name", "createdAt") VALUES (?, 'bench-org', 'Benchmark network', ?)`,
      [orgId, iso(now)],
    );
    sql.run(
      `INSERT INTO "Cohort" ("id", "orgId", "slug", "name", "courseId", "joinCode", "createdAt") VALUES (?, ?, 'big', 'Big cohort', ?, ?, ?)`,
      [cohortId, orgId, course.id, "BENCHCOD", iso(now)],
    );
    user(trainerId, "Bench trainer");
    sql.run(`INSERT INTO "Membership" ("orgId", "userId", "role", "createdAt") VALUES (?, ?, 'trainer', ?)`, [
      orgId,
      trainerId,
      iso(now),
    ]);
    sql.run(`INSERT INTO "CohortTrainer" ("cohortId", "userId") VALUES (?, ?)`, [cohortId, trainerId]);
    for (let i = 0; i < learners; i++) {
      const id = generateSecureRandomString(16);
      user(id, `Learner ${String(i).padStart(4, "0")}`);
      sql.run(`INSERT INTO "CohortMember" ("cohortId", "userId", "joinedAt", "via") VALUES (?, ?, ?, 'csv')`, [
        cohortId,
        id,
        daysAgo(60),
      ]);
      sql.run(`INSERT INTO "Enrolment" ("userId", "courseId", "enrolledAt", "lastVisitedAt") VALUES (?, ?, ?, ?)`, [
        id,
        course.id,
        daysAgo(60),
        daysAgo(random() * 30),
      ]);
      const ability = random();
      const persistence = random(); // how far through the course this learner got
      let allDone = true;
      modules.forEach((module, m) => {
        const reached = persistence * modules.length > m;
        for (const lesson of module.lessons) {
          if (reached || random() < 0.1)
            sql.run(
              `INSERT INTO "LessonProgress" ("userId", "courseId", "moduleId", "lessonId", "completedAt") VALUES (?, ?, ?, ?, ?)`,
              [id, course.id, module.id, lesson.id, daysAgo(random() * 50)],
            );
          else allDone = false;
        }
        if (!module.quiz || !reached) {
          if (module.quiz) allDone = false;
          return;
        }
        const tries = random() < 0.3 ? 2 : 1;
        for (let n = 1; n <= tries; n++) {
          const attemptId = randomUUID();
          let earned = 0;
          const rows = module.quiz.questions.map((q) => {
            const right = random() < 0.35 + ability * 0.6;
            earned += right ? 1 : 0;
            return [
              attemptId,
              q.id,
              JSON.stringify(response(q, right, random)),
              right ? 1 : 0,
              right ? 1 : 0,
              right ? 1 : 0,
              daysAgo(20),
            ] as const;
          });
          const score = earned / module.quiz.questions.length;
          sql.run(
            `INSERT INTO "QuizAttempt" ("id", "userId", "courseId", "moduleId", "quizId", "number", "snapshot", "startedAt", "submittedAt", "score", "passed") VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)`,
            [
              attemptId,
              id,
              course.id,
              module.id,
              module.quiz.id,
              n,
              daysAgo(21),
              daysAgo(20),
              score,
              score >= module.quiz.settings.passMark / 100 ? 1 : 0,
            ],
          );
          for (const row of rows)
            sql.run(
              `INSERT INTO "QuizAnswer" ("attemptId", "questionId", "response", "score", "correct", "solved", "answeredAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
              [...row],
            );
          attempts++;
          answers += rows.length;
          if (n === tries && score * 100 < module.quiz.settings.passMark) allDone = false;
        }
      });
      if (allDone) {
        sql.run(
          `INSERT INTO "Certificate" ("code", "userId", "courseId", "achievementName", "courseTitle", "contentVersion", "recipientName", "language", "issuerName", "completedAt", "issuedAt", "lookupAllowed", "statusIndex", "credential", "pdf", "cohortId")
           VALUES (?, ?, ?, ?, ?, 'bench', ?, 'en', 'Bench', ?, ?, 0, ?, '{}', x'', ?)`,
          [
            generateSecureRandomString(26).toLowerCase(),
            id,
            course.id,
            course.title,
            course.title,
            `Learner ${i}`,
            daysAgo(random() * 40),
            daysAgo(random() * 40),
            1_000_000 + i,
            cohortId,
          ],
        );
      }
    }
  });
  const { token } = await createSession(db, trainerId, "Bench|Linux", now);
  return { url: `/orgs/bench-org/cohorts/big`, trainerCookie: `session=${token}`, learners, attempts, answers };
}
