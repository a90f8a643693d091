// Values every template can use. Static ones live on app.locals; per-request ones
// (formatting in the request's language, the current path, development notices) are set
// here — and again by the error handler for errors raised before this middleware ran.
import type { Express, Request, RequestHandler, Response } from "express";
import type { CatalogStore } from "../courses/catalog-store.js";
import { formatFirstProblems } from "../courses/problems.js";
import { formatMinutes } from "../courses/view-models.js";
import { directionOf, getLocale, type Locale, SUPPORTED_LOCALES } from "../i18n/i18n.js";
import { assetUrl, HTMX_URL } from "./static-assets.js";

const displayNames = new Map<string, Intl.DisplayNames>();

function languageNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "language" });
    displayNames.set(locale, names);
  }
  return names;
}

export function setAppLocals(
  app: Express,
  { instanceName, quickExitUrl }: { instanceName: string; quickExitUrl: string },
): void {
  Object.assign(app.locals, {
    instanceName,
    quickExitUrl,
    assetUrl,
    htmxUrl: HTMX_URL,
    availableLocales: SUPPORTED_LOCALES.map((code) => getLocale(code)),
  });
}

type LocaleHelpers = Record<
  "duration" | "languageName" | "formatDate" | "formatDateTime" | "browserName" | "langOf",
  (...args: never[]) => string
>;
const helpersByLocale = new Map<string, LocaleHelpers>();

/** Formatting helpers in one language, made once per language rather than per request. */
function helpersFor(locale: Locale): LocaleHelpers {
  let helpers = helpersByLocale.get(locale.code);
  if (!helpers) {
    const names = languageNames(locale.code);
    helpers = {
      duration: (minutes: number) => formatMinutes(locale.t, minutes),
      languageName: (code: string) => names.of(code) ?? code,
      formatDate: locale.formatDate,
      formatDateTime: locale.formatDateTime,
      // Course content in another language than the interface is marked as such (WCAG 3.1.2),
      // so screen readers switch voice: ` lang="en" dir="ltr"` on its elements, else nothing.
      langOf: (code: string | undefined) =>
        code && code !== locale.code && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code)
          ? ` lang="${code}" dir="${directionOf(code)}"`
          : "",
      browserName: (browser: string, system: string) =>
        browser && system
          ? locale.t("browser.on", { browser, system })
          : browser || system || locale.t("browser.unknown"),
    };
    helpersByLocale.set(locale.code, helpers);
  }
  return helpers;
}

export function applyRequestLocals(req: Request, res: Response, catalog?: CatalogStore): void {
  if (!res.locals.locale) {
    res.locals.locale = getLocale("en");
    res.locals.t = res.locals.locale.t;
  }
  Object.assign(res.locals, helpersFor(res.locals.locale as Locale));
  res.locals.currentPath = req.path;
  res.locals.contentProblems = catalog?.problems.length ? contentProblemsNotice(catalog, res.locals.t) : null;
}

/** The development notice: a heading, the first problems as `file:line:col  message`, how many more. */
function contentProblemsNotice(catalog: CatalogStore, t: Locale["t"]) {
  const count = catalog.problems.length;
  const { lines, more } = formatFirstProblems(catalog.problems);
  return {
    title: t(catalog.hasGoodVersion ? "dev.contentProblems" : "dev.contentProblemsAtStart", { count }),
    lines,
    more: more > 0 ? t("dev.contentProblemsMore", { count: more }) : "",
  };
}

export function viewLocals({ catalog }: { catalog: CatalogStore }): RequestHandler {
  return (req, res, next) => {
    applyRequestLocals(req, res, catalog);
    next();
  };
}
