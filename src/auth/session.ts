// Sessions, as taught by the guide at lucia-auth.com (the `lucia` package is deprecated;
// the guide shows how to own this code):
//
// - The cookie holds a token `<id>.<secret>`: two random strings of 24 characters
//   (120 bits each). The database stores the id and SHA-256(secret) only, so a leaked
//   database cannot be turned into working cookies.
// - Validation looks the session up by id and compares the secret's hash in constant time.
// - Sessions expire after a period of inactivity (sliding; lastUsedAt is written at most
//   once an hour, to keep reads cheap) and at an absolute age, whichever comes first.
//   Platform admins get much shorter limits.
// - A new session at every sign-in; signing out deletes it; password resets, "sign out
//   everywhere" and disabling a user delete all of a user's sessions.
import type { CookieOptions, Response } from "express";
import type { Db, DbClient } from "../db/client.js";
import { generateSecureRandomString, hashSecret, secretsMatch } from "../security/random.js";
import {
  deleteSession,
  findSessionWithUser,
  insertSession,
  type SessionRecord,
  touchSession,
  type UserRecord,
} from "./queries.js";

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export type SessionPolicy = { idleMs: number; absoluteMs: number };

export const LEARNER_POLICY: SessionPolicy = { idleMs: 30 * DAY, absoluteMs: 90 * DAY };
export const ADMIN_POLICY: SessionPolicy = { idleMs: 12 * HOUR, absoluteMs: 7 * DAY };
/** lastUsedAt is only written when it is older than this. */
export const TOUCH_INTERVAL_MS = HOUR;

export function sessionPolicy(user: Pick<UserRecord, "platformRole">): SessionPolicy {
  return user.platformRole === "admin" ? ADMIN_POLICY : LEARNER_POLICY;
}

export type Session = { id: string; userId: string; createdAt: Date; lastUsedAt: Date; browser: string };
export type ValidatedSession = { session: Session; user: UserRecord; expiresAt: Date; refreshed: boolean };

export function sessionExpiresAt(session: Pick<Session, "createdAt" | "lastUsedAt">, policy: SessionPolicy): Date {
  return new Date(
    Math.min(session.lastUsedAt.getTime() + policy.idleMs, session.createdAt.getTime() + policy.absoluteMs),
  );
}

export async function createSession(
  db: DbClient,
  userId: string,
  browser: string,
  now: Date,
): Promise<{ token: string; session: Session }> {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  const record: SessionRecord = {
    id,
    secretHash: hashSecret(secret),
    userId,
    createdAt: now,
    lastUsedAt: now,
    browser,
  };
  await insertSession(db, record);
  return { token: `${id}.${secret}`, session: { id, userId, createdAt: now, lastUsedAt: now, browser } };
}

/** The session and its user, or null (and the row deleted) when the token is wrong or expired. */
export async function validateSessionToken(db: Db, token: string, now: Date): Promise<ValidatedSession | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length !== 24 || secret.length !== 24) return null;
  const row = await findSessionWithUser(db, id);
  if (!row) return null;
  if (!secretsMatch(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
  const policy = sessionPolicy(row.user);
  if (row.user.disabledAt || sessionExpiresAt(row, policy).getTime() <= now.getTime()) {
    await deleteSession(db, id);
    return null;
  }
  const session: Session = {
    id: row.id,
    userId: row.userId,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    browser: row.browser,
  };
  const refreshed = now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS;
  if (refreshed) {
    session.lastUsedAt = now;
    await touchSession(db, id, now);
  }
  return { session, user: row.user, expiresAt: sessionExpiresAt(session, policy), refreshed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

// ---------- the cookie ----------

/** `__Host-` (which requires Secure, Path=/ and no Domain) whenever the site is served over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-session" : "session";
}

function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: "lax", path: "/", secure };
}

/**
 * The cookie carries a lifetime (Max-Age) rather than a date: the session's expiry is computed
 * by our clock, and a browser (or a test's cookie jar) whose calendar differs from the server's
 * would otherwise drop the cookie early or keep it late.
 */
export function setSessionCookie(res: Response, token: string, expiresAt: Date, now: Date, secure: boolean): void {
  const maxAge = Math.max(0, expiresAt.getTime() - now.getTime());
  res.cookie(sessionCookieName(secure), token, { ...cookieOptions(secure), maxAge });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(sessionCookieName(secure), cookieOptions(secure));
}
