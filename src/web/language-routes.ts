// POST /language — the footer's language switcher. Remembers the choice in a cookie
// (no account needed) and returns to the page the learner was on.
import { type Response, Router } from "express";
import * as z from "zod";
import { SUPPORTED_LOCALES } from "../i18n/i18n.js";
import { badRequest } from "./errors.js";
import { LANGUAGE_COOKIE } from "./locale.js";

const form = z.object({
  lang: z.string().refine((code) => SUPPORTED_LOCALES.includes(code)),
  // Only local paths, so the form cannot redirect elsewhere.
  return: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .catch("/"),
});

export function languageRoutes({ secureCookies }: { secureCookies: boolean }): Router {
  const router = Router();
  router.post("/language", (req, res) => {
    const parsed = form.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest("error.language.unknown");
    rememberLanguage(res, parsed.data.lang, secureCookies);
    res.redirect(303, parsed.data.return);
  });
  return router;
}

/** This device's language; null goes back to the account's preference or the browser's. */
export function rememberLanguage(res: Response, code: string | null, secure: boolean): void {
  const options = { httpOnly: true, sameSite: "lax" as const, secure, path: "/" };
  if (code) res.cookie(LANGUAGE_COOKIE, code, { ...options, maxAge: 365 * 24 * 3600 * 1000 });
  else res.clearCookie(LANGUAGE_COOKIE, options);
}
