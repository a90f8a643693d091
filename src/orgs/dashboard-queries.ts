// Bulk reads for a cohort's dashboard and trainer insight: every member's progress in
// the cohort's course in a handful of statements. A cohort of 2,000 learners means tens
// of thousands of rows, so these take the direct SQL route (src/db/direct.ts).
import type { Db } from "../db/client.js";
import { asBool, asDate, withSql } from "../db/direct.js";

export type CohortData = {
  members: { userId: string; name: string; joinedAt: Date }[];
  lessons: { userId: string; moduleId: string; lessonId: string; completedAt: Date }[];
  attempts: { userId: string; moduleId: string; quizId: string; score: number; passed: boolean; submittedAt: Date }[];
  exercises: { userId: string; moduleId: string; updatedAt: Date }[];
  certificates: { userId: string; code: string; issuedAt: Date }[];
  visits: { userId: string; lastVisitedAt: Date | null }[];
};

const MEMBERS = `SELECT "userId" FROM "CohortMember" WHERE "cohortId" = ?`;

export function loadCohortData(db: Db, cohortId: string, courseId: string): Promise<CohortData> {
  return withSql(db, (sql) => {
    const p = [courseId, cohortId];
    return {
      members: sql
        .rows(
          `SELECT m."userId", u."displayName", m."joinedAt" FROM "CohortMember" m JOIN "User" u ON u."id" = m."userId" WHERE m."cohortId" = ?`,
          [cohortId],
        )
        .map((r) => ({ userId: String(r.userId), name: String(r.displayName), joinedAt: asDate(r.joinedAt)! })),
      lessons: sql
        .rows(
          `SELECT "userId", "moduleId", "lessonId", "completedAt" FROM "LessonProgress" WHERE "courseId" = ? AND "userId" IN (${MEMBERS})`,
          p,
        )
        .map((r) => ({
          userId: String(r.userId),
          moduleId: String(r.moduleId),
          lessonId: String(r.lessonId),
          completedAt: asDate(r.completedAt)!,
        })),
      attempts: sql
        .rows(
          `SELECT "userId", "moduleId", "quizId", "score", "passed", "submittedAt" FROM "QuizAttempt"
           WHERE "courseId" = ? AND "submittedAt" IS NOT NULL AND "userId" IN (${MEMBERS}) ORDER BY "number"`,
          p,
        )
        .map((r) => ({
          userId: String(r.userId),
          moduleId: String(r.moduleId),
          quizId: String(r.quizId),
          score: Number(r.score),
          passed: asBool(r.passed),
          submittedAt: asDate(r.submittedAt)!,
        })),
      exercises: sql
        .rows(
          `SELECT "userId", "moduleId", "updatedAt" FROM "ExerciseResponse" WHERE "courseId" = ? AND "text" <> '' AND "userId" IN (${MEMBERS})`,
          p,
        )
        .map((r) => ({ userId: String(r.userId), moduleId: String(r.moduleId), updatedAt: asDate(r.updatedAt)! })),
      certificates: sql
        .rows(
          `SELECT "userId", "code", "issuedAt" FROM "Certificate" WHERE "courseId" = ? AND "moduleId" IS NULL AND "revokedAt" IS NULL AND "userId" IN (${MEMBERS})`,
          p,
        )
        .map((r) => ({ userId: String(r.userId), code: String(r.code), issuedAt: asDate(r.issuedAt)! })),
      visits: sql
        .rows(`SELECT "userId", "lastVisitedAt" FROM "Enrolment" WHERE "courseId" = ? AND "userId" IN (${MEMBERS})`, p)
        .map((r) => ({ userId: String(r.userId), lastVisitedAt: asDate(r.lastVisitedAt) })),
    };
  });
}

export type AnsweredAttempt = {
  attemptId: string;
  userId: string;
  moduleId: string;
  quizId: string;
  score: number;
  answers: { questionId: string; response: string; score: number }[];
};

// Members whose answers count in this cohort's insight: a learner counts only in the first
// cohort of the course they joined (ties by cohort id). Otherwise staff could set up a second
// cohort with all the members but one and subtract its statistics from the first
// (decision 18). Survey responses are already tagged with a single cohort.
const COUNTED_MEMBERS = `SELECT m."userId" FROM "CohortMember" m WHERE m."cohortId" = ? AND NOT EXISTS (
  SELECT 1 FROM "CohortMember" o JOIN "Cohort" c ON c."id" = o."cohortId"
  WHERE o."userId" = m."userId" AND c."courseId" = ? AND o."cohortId" <> m."cohortId"
    AND (o."joinedAt" < m."joinedAt" OR (o."joinedAt" = m."joinedAt" AND o."cohortId" < m."cohortId")))`;

/** Submitted attempts of a cohort's counted learners with their answers, for item statistics. */
export function loadCohortAttempts(db: Db, cohortId: string, courseId: string): Promise<AnsweredAttempt[]> {
  return withSql(db, (sql) => {
    const p = [courseId, cohortId, courseId];
    const attempts = new Map<string, AnsweredAttempt>();
    for (const r of sql.rows(
      `SELECT "id", "userId", "moduleId", "quizId", "score" FROM "QuizAttempt" WHERE "courseId" = ? AND "submittedAt" IS NOT NULL AND "userId" IN (${COUNTED_MEMBERS})`,
      p,
    )) {
      attempts.set(String(r.id), {
        attemptId: String(r.id),
        userId: String(r.userId),
        moduleId: String(r.moduleId),
        quizId: String(r.quizId),
        score: Number(r.score),
        answers: [],
      });
    }
    const answers = sql.rows(
      `SELECT a."attemptId", a."questionId", a."response", a."score" FROM "QuizAnswer" a JOIN "QuizAttempt" t ON t."id" = a."attemptId"
       WHERE t."courseId" = ? AND t."submittedAt" IS NOT NULL AND t."userId" IN (${COUNTED_MEMBERS})`,
      p,
    );
    for (const r of answers)
      attempts
        .get(String(r.attemptId))
        ?.answers.push({ questionId: String(r.questionId), response: String(r.response), score: Number(r.score) });
    return [...attempts.values()];
  });
}
