// Discreet mode decides whether the tab title (and so the browser's history and tab list)
// may name a course, a module or a lesson. Signed-in people keep the choice on their
// account (on unless they turn it off); anonymous visitors set it on this device with the
// footer's small form, stored in a cookie that holds nothing but "on".
import type { RequestHandler, Response } from "express";
import { readCookie } from "../web/locale.js";

export const DISCREET_COOKIE = "discreet";

export function isDiscreet(res: Response): boolean {
  return res.locals.discreet === true;
}

/** After the session and before the anonymous page cache (its key includes the mode). */
export function discreetMode(): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user as { discreet: boolean } | undefined;
    res.locals.discreet = user ? user.discreet : readCookie(req.headers.cookie, DISCREET_COOKIE) === "on";
    // A discreet visitor's browser keeps no copy of the pages either (signed-in pages are
    // already no-store): its disk cache would list the lessons read.
    if (res.locals.discreet) res.set("Cache-Control", "no-store");
    next();
  };
}

/** Anonymous visitors' choice on this device; "off" removes the cookie (the default). */
export function rememberDiscreet(res: Response, on: boolean, secure: boolean): void {
  const options = { httpOnly: true, sameSite: "lax" as const, secure, path: "/" };
  if (on) res.cookie(DISCREET_COOKIE, "on", { ...options, maxAge: 365 * 24 * 3600 * 1000 });
  else res.clearCookie(DISCREET_COOKIE, options);
}
