// Which language a learner reads a course in: the one they chose for this course (a
// cookie, set from the course page), else their interface language when the course offers
// it, else the course's own. A page without a translation in that language shows the
// source, marked with its language, and a short notice in the learner's language.
import type { Request, Response } from "express";
import { readCookie } from "../../web/locale.js";
import type { Course } from "../catalog.js";

export const COURSE_LANGUAGE_COOKIE = "course_lang";
const MAX_CHOICES = 20;

/** `course-a:fr,course-b:ar` → Map; anything malformed is ignored. */
export function parseCourseLanguages(value: string | undefined): Map<string, string> {
  const choices = new Map<string, string>();
  for (const pair of (value ?? "").split(",").slice(0, MAX_CHOICES)) {
    const match = /^([a-z0-9-]{1,64}):([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/.exec(pair);
    if (match) choices.set(match[1]!, match[2]!);
  }
  return choices;
}

export function formatCourseLanguages(choices: ReadonlyMap<string, string>): string {
  return [...choices]
    .slice(-MAX_CHOICES)
    .map(([course, lang]) => `${course}:${lang}`)
    .join(",");
}

/** The language the learner wants this course in, among those it offers. */
export function wantedLanguage(course: Course, chosen: string | undefined, interfaceLanguage: string): string {
  if (chosen && course.languages.includes(chosen)) return chosen;
  return interfaceLanguage;
}

/** The course as written in `lang` (the source course when it has no such translation). */
export function courseIn(course: Course, lang: string): Course {
  return lang === course.language ? course : (course.translations?.get(lang) ?? course);
}

/** The language this learner wants `course` in: their choice for it, else the interface's. */
export function learnerLanguage(req: Request, res: Response, course: Course): string {
  const chosen = parseCourseLanguages(readCookie(req.headers.cookie, COURSE_LANGUAGE_COOKIE)).get(course.id);
  return wantedLanguage(course, chosen, (res.locals.locale as { code: string }).code);
}

export type ContentNotice = { wanted: string; shown: string };

/**
 * The course for this request, in the learner's language, for the page at `req.path`.
 * Sets `contentLanguage` (what the page's content is written in, for lang/dir marking) and,
 * when that is not the language the learner wants, `contentNotice` for the layout.
 */
export function localizeCourse(req: Request, res: Response, course: Course): Course {
  const wanted = learnerLanguage(req, res, course);
  const view = courseIn(course, wanted);
  const page = req.path.replace(/\/(quiz|exercise|survey)\/.*$/, "/$1");
  const shown = view.translation?.fallbacks.has(page) ? course.language : view.language;
  res.locals.contentLanguage = shown;
  res.locals.contentNotice = shown !== wanted ? ({ wanted, shown } satisfies ContentNotice) : undefined;
  res.locals.courseLanguage = view.language;
  return view;
}
