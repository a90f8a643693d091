// The only place surveys touch the database. Responses never carry a user id.
import type { DbClient } from "../db/client.js";

export async function hasParticipated(
  db: DbClient,
  userId: string,
  courseId: string,
  surveyId: string,
): Promise<boolean> {
  return (await db.surveyParticipation.count({ where: { userId, courseId, surveyId } })) > 0;
}

export async function insertParticipation(
  db: DbClient,
  userId: string,
  courseId: string,
  surveyId: string,
): Promise<void> {
  await db.surveyParticipation.create({ data: { userId, courseId, surveyId } });
}

export async function insertResponse(
  db: DbClient,
  response: {
    id: string;
    courseId: string;
    moduleId: string | null;
    surveyId: string;
    answers: string;
    cohortId: string | null;
  },
): Promise<void> {
  await db.surveyResponse.create({ data: response });
}

/** Every response of a survey across the platform (course-wide results). */
export async function listResponses(db: DbClient, courseId: string, surveyId: string): Promise<string[]> {
  return (await db.surveyResponse.findMany({ where: { courseId, surveyId }, select: { answers: true } })).map(
    (r) => r.answers,
  );
}
