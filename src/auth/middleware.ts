// Request plumbing for accounts: read the session cookie, expose the signed-in user to
// routes and views, and guard routes with `can`.
import type { Request, RequestHandler, Response } from "express";
import type { AppDeps } from "../deps.js";
import { forbidden } from "../web/errors.js";
import { safeNext } from "../web/forms.js";
import { isHtmx } from "../web/htmx.js";
import { readCookie } from "../web/locale.js";
import { type Action, can } from "./can.js";
import type { PlatformRole, UserRecord } from "./queries.js";
import {
  clearSessionCookie,
  type Session,
  sessionCookieName,
  setSessionCookie,
  type ValidatedSession,
  validateSessionToken,
} from "./session.js";

/** What views and routes know about the signed-in person. */
export type CurrentUser = {
  id: string;
  username: string;
  displayName: string;
  certificateName: string | null;
  email: string | null;
  locale: string | null;
  platformRole: PlatformRole;
  /** Neutral tab titles and emails (src/discreet/). */
  discreet: boolean;
};

export function currentUser(res: Response): CurrentUser | null {
  return (res.locals.user as CurrentUser | undefined) ?? null;
}

export function currentSession(res: Response): Session | null {
  return (res.locals.session as Session | undefined) ?? null;
}

export function secureCookies(baseUrl: string): boolean {
  return baseUrl.startsWith("https:");
}

export function sessionMiddleware({ db, clock, env }: Pick<AppDeps, "db" | "clock" | "env">): RequestHandler {
  const secure = secureCookies(env.baseUrl);
  const name = sessionCookieName(secure);
  return async (req, res, next) => {
    res.vary("Cookie");
    const token = readCookie(req.headers.cookie, name);
    if (!token) return next();
    const now = clock.now();
    const result = await validateSessionToken(db, token, now);
    if (!result) {
      clearSessionCookie(res, secure);
      return next();
    }
    if (result.refreshed) setSessionCookie(res, token, result.expiresAt, now, secure);
    showSignedIn(res, result);
    next();
  };
}

/**
 * This response is for the signed-in person. Also called by a route that signs someone in
 * and renders at once (registration's recovery codes): the cookie only arrives with the
 * next request, so without this the header of that page would still offer "Sign in".
 */
export function showSignedIn(res: Response, { session, user }: Pick<ValidatedSession, "session" | "user">): void {
  res.locals.session = session;
  res.locals.user = toCurrentUser(user);
  // Pages for a signed-in person are personal: never store them in any cache.
  res.set("Cache-Control", "no-store");
}

function toCurrentUser(user: UserRecord): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    certificateName: user.certificateName,
    email: user.email,
    locale: user.locale,
    platformRole: user.platformRole as PlatformRole,
    discreet: user.discreet,
  };
}

/** Anonymous visitors go to sign-in and come back here afterwards; others need `action`. */
export function requireCan(action: Action): RequestHandler {
  return (req, res, next) => {
    const user = currentUser(res);
    if (!user) return redirectToSignIn(req, res);
    if (!can(user, action)) return next(forbidden());
    next();
  };
}

export const requireUser: RequestHandler = requireCan("account:manage");

function redirectToSignIn(req: Request, res: Response): void {
  // After a POST, come back to the page the form was on (forms carry a `return` field:
  // with Referrer-Policy: no-referrer there is no Referer header to use).
  const back =
    req.method === "GET" ? req.originalUrl : safeNext((req.body as Record<string, unknown> | undefined)?.return);
  const url = `/login?next=${encodeURIComponent(back)}`;
  if (isHtmx(req)) {
    res.set("HX-Redirect", url).status(204).end();
    return;
  }
  res.redirect(303, url);
}
