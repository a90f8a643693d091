// Trainer insight for a cohort: per-question statistics for each module's quiz, and the
// evaluation surveys' results — everything hidden until at least five learners contributed.
import type { Course, Html, Module, QuizQuestion } from "../courses/catalog.js";
import { escapeHtml } from "../courses/markdown/markdown.js";
import type { AppDeps } from "../deps.js";
import type { Response } from "../quiz/grading.js";
import { aggregate } from "../surveys/service.js";
import { type AnsweredAttempt, loadCohortAttempts } from "./dashboard-queries.js";
import { type ItemStatistics, itemStatistics, type ScoredAttempt } from "./item-stats.js";
import { type ProtectedQuestion, protectQuestion } from "./protected-stats.js";
import { type ProtectedSurveyResults, protectSurveyResults } from "./protected-survey.js";
import { listCohortSurveyAnswers } from "./survey-queries.js";

export type QuizInsight = {
  module: Module;
  questions: ReadonlyMap<string, QuizQuestion>;
  stats: ItemStatistics;
  /** What may be printed of each question in `stats`, after small-cell suppression. */
  shown: ProtectedQuestion[];
};
/** How to show a chosen answer: the course's own (sanitised) HTML, a catalog key, or the text typed. */
export type AnswerLabel = { html: Html } | { key: string } | { text: string };
export type SurveyInsight = { title: string; results: ProtectedSurveyResults };

/** What a response chose, as option ids or comparable answer keys (for "how often each was chosen"). */
export function chosenKeys(question: QuizQuestion, response: Response): string[] {
  switch (response.type) {
    case "single_choice":
      return [response.optionId];
    case "multiple_choice":
      return [...response.optionIds];
    case "true_false":
      return [String(response.value)];
    case "short_text":
      return [response.text.trim().toLocaleLowerCase()];
    case "numeric":
      return [String(response.value)];
    case "matching":
      return Object.entries(response.matches).map(([pair, match]) => `${pair}→${match}`);
    case "ordering":
      return question.type === "ordering" ? [response.order.join(" > ")] : [];
  }
}

/** The label for one of `chosenKeys`' keys, in the question's own words where it has them. */
export function answerLabel(question: QuizQuestion, key: string): AnswerLabel {
  switch (question.type) {
    case "single_choice":
    case "multiple_choice": {
      const option = question.options.find((o) => o.id === key);
      return option ? { html: option.html } : { text: key };
    }
    case "true_false":
      return key === "true" || key === "false" ? { key: `quiz.tf.${key}` } : { text: key };
    case "matching": {
      const [pairId, match] = key.split("→");
      const pair = question.pairs.find((p) => p.id === pairId);
      return pair ? { html: `${pair.promptHtml} → ${escapeHtml(match ?? "")}` } : { text: key };
    }
    case "ordering": {
      const items = key.split(" > ").map((id) => question.items.find((i) => i.id === id)?.html ?? escapeHtml(id));
      return { html: `<ol>${items.map((html) => `<li>${html}</li>`).join("")}</ol>` };
    }
    default:
      return { text: key };
  }
}

function toScored(attempt: AnsweredAttempt, questions: ReadonlyMap<string, QuizQuestion>): ScoredAttempt {
  const answers: ScoredAttempt["answers"] = {};
  for (const answer of attempt.answers) {
    const question = questions.get(answer.questionId);
    // A question removed from the course since simply stops counting.
    if (!question) continue;
    (answers as Record<string, unknown>)[answer.questionId] = {
      score: answer.score,
      chosen: chosenKeys(question, JSON.parse(answer.response) as Response),
      points: question.points,
    };
  }
  return { learnerId: attempt.userId, total: attempt.score, answers };
}

export async function quizInsight(
  { db }: Pick<AppDeps, "db">,
  cohortId: string,
  course: Course,
): Promise<QuizInsight[]> {
  const attempts = await loadCohortAttempts(db, cohortId, course.id);
  return course.modules
    .filter((m) => m.status === "published" && m.quiz)
    .map((module) => {
      const quiz = module.quiz!;
      const questions = new Map(quiz.questions.map((q) => [q.id, q]));
      const scored = attempts
        .filter((a) => a.moduleId === module.id && a.quizId === quiz.id)
        .map((a) => toScored(a, questions));
      const stats = itemStatistics(scored, { questionOrder: quiz.questions.map((q) => q.id) });
      const shown = stats.hidden
        ? []
        : stats.questions.flatMap((qs) => {
            const question = questions.get(qs.questionId);
            return question ? [protectQuestion(question, qs)] : [];
          });
      return { module, questions, stats, shown };
    });
}

export async function surveyInsight(
  { db }: Pick<AppDeps, "db">,
  cohortId: string,
  course: Course,
): Promise<SurveyInsight[]> {
  const surveys = [
    ...course.modules.filter((m) => m.status === "published" && m.survey).map((m) => m.survey!),
    ...(course.survey ? [course.survey] : []),
  ];
  const insights: SurveyInsight[] = [];
  for (const survey of surveys) {
    const rows = await listCohortSurveyAnswers(db, cohortId, course.id, survey.id);
    insights.push({ title: survey.title, results: protectSurveyResults(aggregate(survey, rows)) });
  }
  return insights;
}
