// Evaluation surveys. The answer and the fact of answering are stored apart: the
// response has no user id and no time, so results cannot be traced to a person; the
// participation record (to allow one answer each) holds no answers. Results appear only
// in aggregate, and only once at least five people have answered.
import type { Survey } from "../courses/catalog.js";
import type { AppDeps } from "../deps.js";
import { findMemberCohortForCourse } from "../orgs/queries.js";
import { generateSecureRandomString } from "../security/random.js";
import { conflict } from "../web/errors.js";
import { FormError } from "../web/forms.js";
import * as q from "./queries.js";

export const MIN_RESPONSES = 5;
export type SurveyAnswers = Record<string, number | string>;
export type SurveyTarget = { courseId: string; moduleId: string | null; survey: Survey };

/** zod-free on purpose: the questions come from the course, not from a fixed schema. */
export function parseSurveyForm(survey: Survey, body: Record<string, unknown>): SurveyAnswers {
  const answers: SurveyAnswers = {};
  const errors: Record<string, string> = {};
  for (const question of survey.questions) {
    const raw = body[`a.${question.id}`];
    const value = typeof raw === "string" ? raw.trim() : "";
    if (question.type === "likert") {
      if (value === "") {
        if (question.required) errors[`a.${question.id}`] = "survey.required";
        continue;
      }
      if (!/^[1-5]$/.test(value)) errors[`a.${question.id}`] = "form.invalid";
      else answers[question.id] = Number(value);
    } else {
      if (value.length > 2000) errors[`a.${question.id}`] = "survey.tooLong";
      else if (value) answers[question.id] = value.normalize("NFC");
      else if (question.required) errors[`a.${question.id}`] = "survey.required";
    }
  }
  if (Object.keys(errors).length) throw new FormError(errors);
  if (Object.keys(answers).length === 0) throw new FormError({ form: "survey.empty" });
  return answers;
}

export async function hasAnswered({ db }: Pick<AppDeps, "db">, userId: string, target: SurveyTarget): Promise<boolean> {
  return q.hasParticipated(db, userId, target.courseId, target.survey.id);
}

export async function submitSurvey(
  { db }: Pick<AppDeps, "db">,
  userId: string,
  target: SurveyTarget,
  answers: SurveyAnswers,
): Promise<void> {
  // The response carries the cohort (a group, shown only from five answers up), never the person.
  const cohortId = await findMemberCohortForCourse(db, userId, target.courseId);
  try {
    await db.$transaction(async (tx) => {
      await q.insertParticipation(tx, userId, target.courseId, target.survey.id);
      await q.insertResponse(tx, {
        id: generateSecureRandomString(24),
        courseId: target.courseId,
        moduleId: target.moduleId,
        surveyId: target.survey.id,
        answers: JSON.stringify(answers),
        cohortId,
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw conflict("survey.alreadyAnswered");
    throw error;
  }
}

export type LikertResult = {
  id: string;
  prompt: string;
  scale: string;
  counts: number[];
  answered: number;
  mean: number | null;
};
export type TextResult = { id: string; prompt: string; answers: string[] };
export type SurveyResults = { responses: number; hidden: boolean; likert: LikertResult[]; text: TextResult[] };

export async function surveyResults({ db }: Pick<AppDeps, "db">, target: SurveyTarget): Promise<SurveyResults> {
  const rows = (await q.listResponses(db, target.courseId, target.survey.id)).map(
    (json) => JSON.parse(json) as SurveyAnswers,
  );
  return aggregate(target.survey, rows);
}

/** Aggregates, hiding everything below the threshold (small groups can be re-identified). */
export function aggregate(survey: Survey, rows: readonly SurveyAnswers[], minimum = MIN_RESPONSES): SurveyResults {
  if (rows.length < minimum) return { responses: rows.length, hidden: true, likert: [], text: [] };
  const likert: LikertResult[] = [];
  const text: TextResult[] = [];
  for (const question of survey.questions) {
    const values = rows.map((r) => r[question.id]).filter((v) => v !== undefined);
    if (question.type === "likert") {
      const numbers = values.filter((v): v is number => typeof v === "number");
      const counts = [1, 2, 3, 4, 5].map((n) => numbers.filter((v) => v === n).length);
      likert.push({
        id: question.id,
        prompt: question.prompt,
        scale: question.scale,
        counts,
        answered: numbers.length,
        mean: numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null,
      });
    } else {
      // Sorted, not in arrival order: order must not hint at who wrote what.
      text.push({
        id: question.id,
        prompt: question.prompt,
        answers: values.filter((v): v is string => typeof v === "string").sort((a, b) => a.localeCompare(b)),
      });
    }
  }
  return { responses: rows.length, hidden: false, likert, text };
}
