// Registration, sign-in, sign-out and the two ways back into a forgotten account.
import { type Request, type Response, Router } from "express";
import { signOutEverywhere } from "../account/service.js";
import type { AppDeps } from "../deps.js";
import { handleForm, safeNext } from "../web/forms.js";
import { withNotice } from "../web/notice.js";
import { currentSession, currentUser, requireUser, secureCookies, showSignedIn } from "./middleware.js";
import {
  assertResetTokenUsable,
  recoverWithCode,
  requestPasswordReset,
  resetPasswordWithToken,
} from "./password-reset.js";
import { register } from "./registration.js";
import { forgotSchema, loginSchema, recoverSchema, registerSchema, resetSchema } from "./schemas.js";
import { clearSessionCookie, invalidateSession, setSessionCookie, validateSessionToken } from "./session.js";
import { signIn } from "./sign-in.js";
import type { RequestMeta } from "./types.js";

export function requestMeta(req: Request, res: Response): RequestMeta {
  return { ip: req.ip ?? "unknown", userAgent: req.get("User-Agent"), locale: res.locals.locale.code };
}

export function authRoutes(deps: AppDeps): Router {
  const router = Router();
  const secure = secureCookies(deps.env.baseUrl);
  const t = (res: Response) => res.locals.t as (key: string) => string;
  const page = (res: Response, key: string, extra: Record<string, unknown> = {}) => ({
    title: t(res)(key),
    errors: {},
    values: {},
    ...extra,
  });

  /** A new sign-in replaces whatever session this browser had (no session fixation). */
  const startSession = async (res: Response, token: string, expiresAt: Date) => {
    const previous = currentSession(res);
    if (previous) await invalidateSession(deps.db, previous.id);
    setSessionCookie(res, token, expiresAt, deps.clock.now(), secure);
  };

  router.get("/register", (req, res) => {
    // A cohort invitation links here with the invited address, so the account lands in the cohort.
    const email = typeof req.query.email === "string" && req.query.email.length <= 254 ? req.query.email : "";
    res.render(
      "auth/register",
      page(res, "auth.register.title", { values: { next: safeNext(req.query.next, ""), email } }),
    );
  });

  router.post("/register", (req, res) =>
    handleForm(
      req,
      res,
      registerSchema,
      { view: "auth/register", data: page(res, "auth.register.title") },
      async (input) => {
        const result = await register(deps, input, requestMeta(req, res));
        await startSession(res, result.token, result.expiresAt);
        const next = safeNext(input.next);
        // Shown once, in this response: only their hashes are kept. The page is the new
        // account's own (header and all), though its cookie arrives only with the next request.
        if (result.recoveryCodes) {
          const signedIn = await validateSessionToken(deps.db, result.token, deps.clock.now());
          if (signedIn) showSignedIn(res, signedIn);
          return res.render(
            "auth/recovery-codes",
            page(res, "auth.recoveryCodes.title", { codes: result.recoveryCodes, next, fresh: true }),
          );
        }
        res.redirect(303, next);
      },
    ),
  );

  router.get("/login", (req, res) => {
    if (currentUser(res)) return res.redirect(303, safeNext(req.query.next));
    res.render("auth/login", page(res, "auth.login.title", { values: { next: safeNext(req.query.next, "") } }));
  });

  router.post("/login", (req, res) =>
    handleForm(req, res, loginSchema, { view: "auth/login", data: page(res, "auth.login.title") }, async (input) => {
      const result = await signIn(deps, input, requestMeta(req, res));
      await startSession(res, result.token, result.expiresAt);
      res.redirect(303, safeNext(input.next));
    }),
  );

  router.post("/logout", async (_req, res) => {
    const session = currentSession(res);
    if (session) await invalidateSession(deps.db, session.id);
    clearSessionCookie(res, secure);
    res.redirect(303, withNotice("/", "signed-out"));
  });

  router.post("/logout-everywhere", requireUser, async (_req, res) => {
    await signOutEverywhere(deps, currentUser(res)!.id);
    clearSessionCookie(res, secure);
    res.redirect(303, withNotice("/login", "signed-out-everywhere"));
  });

  router.get("/forgot-password", (_req, res) => res.render("auth/forgot", page(res, "auth.forgot.title")));

  router.post("/forgot-password", (req, res) =>
    handleForm(req, res, forgotSchema, { view: "auth/forgot", data: page(res, "auth.forgot.title") }, async (input) => {
      await requestPasswordReset(deps, input.identifier, requestMeta(req, res));
      // The same page whether or not the account (or its email) exists.
      res.render("auth/forgot-sent", page(res, "auth.forgot.sentTitle"));
    }),
  );

  router.get("/reset-password/:token", async (req, res) => {
    await assertResetTokenUsable(deps, String(req.params.token));
    res.render("auth/reset", page(res, "auth.reset.title", { token: req.params.token }));
  });

  router.post("/reset-password/:token", (req, res) =>
    handleForm(
      req,
      res,
      resetSchema,
      { view: "auth/reset", data: page(res, "auth.reset.title", { token: req.params.token }) },
      async (input) => {
        await resetPasswordWithToken(deps, String(req.params.token), input.password);
        clearSessionCookie(res, secure);
        res.redirect(303, withNotice("/login", "password-reset"));
      },
    ),
  );

  router.get("/recover", (_req, res) => res.render("auth/recover", page(res, "auth.recover.title")));

  router.post("/recover", (req, res) =>
    handleForm(
      req,
      res,
      recoverSchema,
      { view: "auth/recover", data: page(res, "auth.recover.title") },
      async (input) => {
        await recoverWithCode(deps, input, requestMeta(req, res));
        clearSessionCookie(res, secure);
        res.redirect(303, withNotice("/login", "password-reset"));
      },
    ),
  );

  return router;
}
