// POST /courses/<course>/language — the course page's language form. Remembers the choice
// for this course on this device (a cookie, so it works signed out and without JS); ids
// are shared by every language, so progress, answers and certificates do not change.
import { Router } from "express";
import * as z from "zod";
import type { AppDeps } from "../../deps.js";
import { badRequest, notFound } from "../../web/errors.js";
import { readCookie } from "../../web/locale.js";
import { COURSE_LANGUAGE_COOKIE, formatCourseLanguages, parseCourseLanguages } from "./content-language.js";

const form = z.object({ lang: z.string().max(20) });

export function courseLanguageRoutes(deps: AppDeps, { secureCookies }: { secureCookies: boolean }): Router {
  const router = Router();
  router.post("/courses/:courseId/language", (req, res) => {
    const course = deps.catalog.current.courseById.get(String(req.params.courseId));
    if (course?.status !== "published") throw notFound();
    const parsed = form.safeParse(req.body ?? {});
    if (!parsed.success || !course.languages.includes(parsed.data.lang)) throw badRequest("error.language.unknown");
    const choices = parseCourseLanguages(readCookie(req.headers.cookie, COURSE_LANGUAGE_COOKIE));
    choices.delete(course.id); // re-added last, so the newest choices survive the cap
    choices.set(course.id, parsed.data.lang);
    res.cookie(COURSE_LANGUAGE_COOKIE, formatCourseLanguages(choices), {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies,
      path: "/",
      maxAge: 365 * 24 * 3600 * 1000,
    });
    res.redirect(303, course.url);
  });
  return router;
}
