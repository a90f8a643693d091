// A cohort's evaluation-survey answers (anonymous rows tagged only with the cohort).
import type { DbClient } from "../db/client.js";
import type { SurveyAnswers } from "../surveys/service.js";

export async function listCohortSurveyAnswers(
  db: DbClient,
  cohortId: string,
  courseId: string,
  surveyId: string,
): Promise<SurveyAnswers[]> {
  const rows = await db.surveyResponse.findMany({ where: { cohortId, courseId, surveyId }, select: { answers: true } });
  return rows.map((r) => JSON.parse(r.answers) as SurveyAnswers);
}
