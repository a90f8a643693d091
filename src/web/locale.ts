// Chooses the interface language for each request: the `lang` cookie (the switcher's
// choice on this device), else the signed-in person's saved preference, else the
// browser's Accept-Language. Sets res.locals for views.
import type { RequestHandler } from "express";
import { getLocale, negotiateLocale, SUPPORTED_LOCALES } from "../i18n/i18n.js";

export const LANGUAGE_COOKIE = "lang";

export function localeMiddleware(): RequestHandler {
  return (req, res, next) => {
    const cookie = readCookie(req.headers.cookie, LANGUAGE_COOKIE);
    const saved = (res.locals.user as { locale: string | null } | undefined)?.locale;
    const code =
      cookie && SUPPORTED_LOCALES.includes(cookie)
        ? cookie
        : saved && SUPPORTED_LOCALES.includes(saved)
          ? saved
          : negotiateLocale(req.get("Accept-Language"));
    const locale = getLocale(code);
    res.locals.locale = locale;
    res.locals.t = locale.t;
    res.vary("Accept-Language");
    res.vary("Cookie");
    next();
  };
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
