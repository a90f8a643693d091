// /courses/<course>/<module>/quiz — taking a quiz, checking answers one by one or all at
// once, and reviewing past attempts. With htmx a checked question swaps in place; without
// JavaScript the same forms post and the page comes back with the feedback.

import { type Request, type Response, Router } from "express";
import { currentUser, requireCan } from "../auth/middleware.js";
import type { Course, Module, Quiz } from "../courses/catalog.js";
import { localizeCourse } from "../courses/translations/content-language.js";
import { moduleCrumbs } from "../courses/view-models.js";
import type { AppDeps } from "../deps.js";
import { HttpError, notFound } from "../web/errors.js";
import { isHtmx, varyOnHtmx } from "../web/htmx.js";
import { planAttempt } from "./attempt-plan.js";
import type { FormFields } from "./responses.js";
import {
  checkAnswer,
  type QuizContext,
  quizOverview,
  reviewAttempt,
  submitQuiz,
  UnansweredQuestions,
  UnreadableAnswers,
} from "./service.js";

export function quizRoutes(deps: AppDeps): Router {
  const router = Router();
  const track = requireCan("progress:track");

  /** In the learner's language: short-text answers are graded against that language's list. */
  const find = (req: Request, res: Response): { course: Course; module: Module; quiz: Quiz } => {
    const source = deps.catalog.current.courseById.get(String(req.params.courseId));
    const found = source?.moduleById.get(String(req.params.moduleId));
    if (source?.status !== "published" || !found || found.status !== "published" || !found.quiz) throw notFound();
    const course = localizeCourse(req, res, source);
    const module = course.moduleById.get(found.id) ?? found;
    return { course, module, quiz: module.quiz ?? found.quiz };
  };
  const context = (req: Request, res: Response): QuizContext => ({ ...find(req, res), userId: currentUser(res)!.id });
  const attemptNumber = (req: Request): number => {
    const n = Number((req.body as FormFields).attempt);
    if (!Number.isInteger(n) || n < 1) throw new HttpError(400, "quiz.attempt.missing");
    return n;
  };
  const page = (res: Response, found: { course: Course; module: Module; quiz: Quiz }) => ({
    title: found.quiz.title,
    discreetTitle: res.locals.t("discreet.quiz"),
    ...found,
    crumbs: moduleCrumbs(res, found.course, found.module),
  });

  /** The quiz page: the current attempt for a learner; for visitors, the questions with a sign-in prompt. */
  const renderQuiz = async (req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const found = find(req, res);
    const user = currentUser(res);
    if (!user) {
      const questions = planAttempt(found.quiz, "preview");
      return res.status(status).render("quiz/quiz", {
        ...page(res, found),
        overview: null,
        current: { number: 1, questions, answers: new Map(), started: false },
        values: {},
        ...extra,
      });
    }
    const overview = await quizOverview(deps, { ...found, userId: user.id });
    res
      .status(status)
      .render("quiz/quiz", { ...page(res, found), overview, current: overview.current, values: {}, ...extra });
  };

  router.get("/courses/:courseId/:moduleId/quiz", (req, res) => renderQuiz(req, res));

  router.post("/courses/:courseId/:moduleId/quiz/questions/:questionId", track, async (req, res) => {
    varyOnHtmx(res);
    const ctx = context(req, res);
    const fields = req.body as FormFields;
    try {
      const result = await checkAnswer(deps, ctx, String(req.params.questionId), attemptNumber(req), fields);
      if (isHtmx(req)) {
        return res.render("quiz/_question-response", {
          ...page(res, ctx),
          question: result.question,
          position: result.position,
          total: result.total,
          answer: result.answer,
          number: result.number,
          values: {},
          focus: true,
        });
      }
      await renderQuiz(req, res, { values: fields, focusQuestion: result.question.id });
    } catch (error) {
      // Without JavaScript, show the message on the quiz page itself (keeping what was typed).
      if (!(error instanceof HttpError) || isHtmx(req)) throw error;
      await renderQuiz(
        req,
        res,
        { values: fields, problem: res.locals.t(error.messageKey, error.params) },
        error.status,
      );
    }
  });

  router.post("/courses/:courseId/:moduleId/quiz", track, async (req, res) => {
    varyOnHtmx(res);
    const ctx = context(req, res);
    const fields = req.body as FormFields;
    try {
      const result = await submitQuiz(deps, ctx, attemptNumber(req), fields, { confirmed: fields.confirm === "1" });
      const reviewUrl = `${ctx.quiz.url}/attempts/${result.number}`;
      if (!isHtmx(req)) return res.redirect(303, reviewUrl);
      const [review, overview] = await Promise.all([reviewAttempt(deps, ctx, result.number), quizOverview(deps, ctx)]);
      res.set("HX-Push-Url", reviewUrl).render("quiz/_review", { ...page(res, ctx), review, overview, focus: true });
    } catch (error) {
      if (error instanceof UnansweredQuestions) {
        // The quiz again, answers kept, asking to confirm; htmx takes the quiz out of the page.
        if (isHtmx(req)) res.set("HX-Reselect", "#quiz");
        return renderQuiz(req, res, { values: fields, unanswered: error.positions });
      }
      if (error instanceof UnreadableAnswers) {
        // Each unreadable answer is explained on its own question; everything typed is kept.
        if (isHtmx(req)) res.set("HX-Reselect", "#quiz");
        const t = res.locals.t;
        const questionErrors = Object.fromEntries(
          error.problems.map((p) => [p.questionId, t(p.key, { ...p.params, position: p.position })]),
        );
        return renderQuiz(req, res, { values: fields, questionErrors, errorFocus: error.problems[0]!.questionId }, 422);
      }
      if (!(error instanceof HttpError) || isHtmx(req)) throw error;
      await renderQuiz(
        req,
        res,
        { values: fields, problem: res.locals.t(error.messageKey, error.params) },
        error.status,
      );
    }
  });

  router.get("/courses/:courseId/:moduleId/quiz/attempts", track, async (req, res) => {
    const ctx = context(req, res);
    const overview = await quizOverview(deps, ctx);
    res.render("quiz/attempts", { ...page(res, ctx), title: res.locals.t("quiz.attempts.title"), overview });
  });

  router.get("/courses/:courseId/:moduleId/quiz/attempts/:number", track, async (req, res) => {
    const ctx = context(req, res);
    const number = Number(req.params.number);
    const review = Number.isInteger(number) && number > 0 ? await reviewAttempt(deps, ctx, number) : null;
    if (!review) throw notFound();
    const overview = await quizOverview(deps, ctx);
    res.render("quiz/review", {
      ...page(res, ctx),
      title: res.locals.t("quiz.review.title", { number }),
      review,
      overview,
    });
  });

  return router;
}
