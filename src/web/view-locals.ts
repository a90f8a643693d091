// Values every template can use: instance name, asset URLs, formatting helpers in the
// request's language, and — in development — the problems of a course edit that did not
// load (the last good version stays online meanwhile).
import type { RequestHandler } from "express";
import type { CatalogStore } from "../courses/catalog-store.js";
import { formatProblem } from "../courses/problems.js";
import { formatMinutes } from "../courses/view-models.js";
import { getLocale, SUPPORTED_LOCALES, type Locale } from "../i18n/i18n.js";
import { assetUrl, HTMX_URL } from "./static-assets.js";

const availableLocales = SUPPORTED_LOCALES.map((code) => getLocale(code));
const displayNames = new Map<string, Intl.DisplayNames>();

function languageNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "language" });
    displayNames.set(locale, names);
  }
  return names;
}

export function viewLocals({ instanceName, catalog }: { instanceName: string; catalog: CatalogStore }): RequestHandler {
  return (req, res, next) => {
    const locale = res.locals.locale as Locale;
    const names = languageNames(locale.code);
    res.locals.instanceName = instanceName;
    res.locals.assetUrl = assetUrl;
    res.locals.htmxUrl = HTMX_URL;
    res.locals.currentPath = req.path;
    res.locals.availableLocales = availableLocales;
    res.locals.duration = (minutes: number) => formatMinutes(locale.t, minutes);
    res.locals.languageName = (code: string) => names.of(code) ?? code;
    res.locals.contentProblems = catalog.problems.map((p) => formatProblem(p));
    next();
  };
}
