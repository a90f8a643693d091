// Evaluation surveys after a module and at the end of a course, and their results for
// trainers (aggregated, from five responses up).

import { type Request, type Response, Router } from "express";
import * as z from "zod";
import { currentUser, requireCan } from "../auth/middleware.js";
import type { Course, Survey } from "../courses/catalog.js";
import { localizeCourse } from "../courses/translations/content-language.js";
import { courseCrumbs, moduleCrumbs } from "../courses/view-models.js";
import type { AppDeps } from "../deps.js";
import { notFound } from "../web/errors.js";
import { handleForm } from "../web/forms.js";
import { withNotice } from "../web/notice.js";
import { hasAnswered, parseSurveyForm, type SurveyTarget, submitSurvey, surveyResults } from "./service.js";

export function surveyRoutes(deps: AppDeps): Router {
  const router = Router();

  const find = (
    req: Request,
    res: Response,
  ): { target: SurveyTarget; course: Course; crumbs: unknown; backUrl: string } => {
    const source = deps.catalog.current.courseById.get(String(req.params.courseId));
    if (source?.status !== "published") throw notFound();
    const course = localizeCourse(req, res, source);
    if (req.params.moduleId === undefined) {
      if (!course.survey) throw notFound();
      return {
        course,
        target: { courseId: course.id, moduleId: null, survey: course.survey },
        crumbs: courseCrumbs(res, course),
        backUrl: course.url,
      };
    }
    const module = course.moduleById.get(String(req.params.moduleId));
    if (module?.status !== "published" || !module.survey) throw notFound();
    return {
      course,
      target: { courseId: course.id, moduleId: module.id, survey: module.survey },
      crumbs: moduleCrumbs(res, course, module),
      backUrl: module.url,
    };
  };
  const page = async (req: Request, res: Response) => {
    const found = find(req, res);
    const user = currentUser(res);
    const answered = user ? await hasAnswered(deps, user.id, found.target) : false;
    return {
      title: found.target.survey.title,
      discreetTitle: res.locals.t("discreet.survey"),
      survey: found.target.survey,
      course: found.course,
      crumbs: found.crumbs,
      backUrl: found.backUrl,
      answered,
      errors: {},
      values: {},
    };
  };

  for (const base of ["/courses/:courseId/survey", "/courses/:courseId/:moduleId/survey"]) {
    router.get(base, async (req, res) => res.render("surveys/survey", await page(req, res)));

    router.post(base, requireCan("progress:track"), (req, res) =>
      handleForm(
        req,
        res,
        z.record(z.string(), z.unknown()),
        { view: "surveys/survey", data: () => page(req, res) },
        async (body) => {
          const { target, backUrl } = find(req, res);
          const answers = parseSurveyForm(target.survey, body);
          await submitSurvey(deps, currentUser(res)!.id, target, answers);
          res.redirect(303, withNotice(backUrl, "survey-sent"));
        },
      ),
    );

    router.get(`${base}/results`, requireCan("surveys:view-results"), async (req, res) => {
      const { target, course, crumbs } = find(req, res);
      res.render("surveys/results", {
        title: res.locals.t("survey.results.title"),
        survey: target.survey as Survey,
        course,
        crumbs,
        results: await surveyResults(deps, target),
      });
    });
  }
  return router;
}
