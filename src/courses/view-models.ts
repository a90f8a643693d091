// Small helpers that shape catalog values for templates.
import type { Response } from "express";
import type { Course, Module } from "./catalog.js";

/** `lang`: the language of a label taken from course content (the interface's otherwise). */
export type Crumb = { url: string; label: string; current?: boolean; lang?: string };

export function courseCrumbs(res: Response, course: Course, current = false): Crumb[] {
  return [
    { url: "/", label: res.locals.t("nav.courses") },
    { url: course.url, label: course.title, current, lang: course.language },
  ];
}

export function moduleCrumbs(res: Response, course: Course, module: Module, current = false): Crumb[] {
  return [...courseCrumbs(res, course), { url: module.url, label: module.title, current, lang: course.language }];
}

/** "1 h 30 min" style durations, from the message catalog. */
export function formatMinutes(
  t: (key: string, params?: Record<string, string | number>) => string,
  minutes: number,
): string {
  if (minutes < 60) return t("duration.minutes", { count: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t("duration.hours", { count: hours }) : t("duration.hoursMinutes", { hours, minutes: rest });
}
