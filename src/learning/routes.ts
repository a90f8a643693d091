// Enrolling, marking lessons complete, "My learning" and private reflections. Every
// action is a real form; with htmx the same endpoints return the partial to swap in.

import { type Request, type Response, Router } from "express";
import * as z from "zod";
import { currentUser, requireCan } from "../auth/middleware.js";
import { formatCode } from "../certificates/codes.js";
import { listUserCertificates } from "../certificates/queries.js";
import type { Course, Module } from "../courses/catalog.js";
import { courseIn, learnerLanguage, localizeCourse } from "../courses/translations/content-language.js";
import { moduleCrumbs } from "../courses/view-models.js";
import type { AppDeps } from "../deps.js";
import { badRequest, notFound } from "../web/errors.js";
import { safeNext } from "../web/forms.js";
import { isHtmx, varyOnHtmx } from "../web/htmx.js";
import { withNotice } from "../web/notice.js";
import {
  EXERCISE_MAX_LENGTH,
  enrol,
  loadExercise,
  loadLessonsDone,
  myLearning,
  saveExercise,
  setLessonCompletion,
} from "./service.js";

const completionForm = z.object({ done: z.enum(["true", "false"]).default("true"), return: z.string().optional() });
const exerciseForm = z.object({ text: z.string().max(EXERCISE_MAX_LENGTH, "learning.exercise.tooLong").default("") });

export function learningRoutes(deps: AppDeps): Router {
  const router = Router();
  const track = requireCan("progress:track");
  const userId = (res: Response) => currentUser(res)!.id;

  /** The course in the learner's language (ids are shared, so progress is too). */
  const findCourse = (req: Request, res: Response): Course => {
    const course = deps.catalog.current.courseById.get(String(req.params.courseId));
    if (course?.status !== "published") throw notFound();
    return localizeCourse(req, res, course);
  };
  const findModule = (req: Request, res: Response) => {
    const course = findCourse(req, res);
    const module = course.moduleById.get(String(req.params.moduleId));
    if (module?.status !== "published") throw notFound();
    return { course, module };
  };

  router.post("/courses/:courseId/enrol", track, async (req, res) => {
    const course = findCourse(req, res);
    await enrol(deps, userId(res), course);
    res.redirect(303, course.url);
  });

  router.post("/courses/:courseId/:moduleId/:lessonId/complete", track, async (req, res) => {
    const { course, module } = findModule(req, res);
    const lesson = module.lessonById.get(String(req.params.lessonId));
    if (!lesson) throw notFound();
    const form = completionForm.safeParse(req.body);
    if (!form.success) throw badRequest("error.400.message");
    const done = form.data.done === "true";
    await setLessonCompletion(deps, userId(res), course, module, lesson, done);
    varyOnHtmx(res);
    if (!isHtmx(req)) {
      // Back to the completion control (#complete), not to the top of a long lesson.
      const back = safeNext(form.data.return, lesson.url).split("#")[0]!;
      return res.redirect(303, `${withNotice(back, done ? "lesson-completed" : "lesson-reopened")}#complete`);
    }
    const doneIds = await loadLessonsDone(deps, userId(res), course.id);
    res.render("learning/_lesson-completion-response", { course, module, lesson, doneIds, done, announce: true });
  });

  router.get("/learning", track, async (req, res) => {
    const [entries, certificates] = await Promise.all([
      myLearning(deps, userId(res), deps.catalog.current, (c) => courseIn(c, learnerLanguage(req, res, c))),
      listUserCertificates(deps.db, userId(res)),
    ]);
    res.render("learning/my-learning", { title: res.locals.t("learning.title"), entries, certificates, formatCode });
  });

  router.get("/courses/:courseId/:moduleId/exercise", async (req, res) => {
    const { course, module } = findModule(req, res);
    if (!module.exercise) throw notFound();
    const user = currentUser(res);
    const saved = user ? await loadExercise(deps, user.id, module) : null;
    res.render("learning/exercise", exercisePage(res, course, module, { saved, values: {}, errors: {} }));
  });

  router.post("/courses/:courseId/:moduleId/exercise", track, async (req, res) => {
    const { course, module } = findModule(req, res);
    if (!module.exercise) throw notFound();
    const form = exerciseForm.safeParse(req.body);
    varyOnHtmx(res);
    if (!form.success) {
      const saved = await loadExercise(deps, userId(res), module);
      const data = exercisePage(res, course, module, {
        saved,
        values: { text: String((req.body as { text?: unknown }).text ?? "") },
        errors: { text: "learning.exercise.tooLong" },
      });
      return res.status(422).render(isHtmx(req) ? "learning/_exercise-status" : "learning/exercise", data);
    }
    const updatedAt = await saveExercise(deps, userId(res), course, module, form.data.text);
    if (isHtmx(req))
      return res.render("learning/_exercise-status", { saved: { text: form.data.text, updatedAt }, errors: {} });
    res.redirect(303, withNotice(module.exercise.url, "exercise-saved"));
  });

  return router;
}

function exercisePage(res: Response, course: Course, module: Module, data: Record<string, unknown>) {
  return {
    title: module.exercise!.title,
    discreetTitle: res.locals.t("discreet.exercise"),
    course,
    module,
    exercise: module.exercise,
    crumbs: moduleCrumbs(res, course, module),
    maxLength: EXERCISE_MAX_LENGTH,
    ...data,
  };
}
