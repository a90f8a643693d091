// Forgotten passwords: an emailed single-use link (30 minutes, stored hashed) or a
// recovery code. Both end every session. Asking for a link gets the same answer whether
// or not an account (or its email) exists, and does the same work in the same time.
import { getLocale } from "../i18n/i18n.js";
import { generateSecureRandomString, hashSecretHex } from "../security/random.js";
import { HttpError } from "../web/errors.js";
import { FormError } from "../web/forms.js";
import { hashPassword } from "./passwords.js";
import {
  consumePasswordReset,
  deletePasswordResets,
  deleteUserSessions,
  findPasswordReset,
  findUserBySignInName,
  insertPasswordReset,
  runInTransaction,
  updateUserPassword,
  useRecoveryCode,
} from "./queries.js";
import { hashRecoveryCode } from "./recovery-codes.js";
import type { AuthDeps, RequestMeta } from "./types.js";

export const RESET_TOKEN_MINUTES = 30;

export async function requestPasswordReset(deps: AuthDeps, identifier: string, meta: RequestMeta): Promise<void> {
  const { db, clock, rateLimiter, mailer, env, log } = deps;
  await rateLimiter.takeToken("reset", meta.ip);
  const user = await findUserBySignInName(db, identifier);
  if (!user?.email || user.disabledAt) return;
  const token = generateSecureRandomString(32);
  const now = clock.now();
  await insertPasswordReset(db, {
    tokenHash: hashSecretHex(token),
    userId: user.id,
    expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000),
  });
  const { t } = getLocale(user.locale ?? meta.locale);
  const link = `${env.baseUrl}/reset-password/${token}`;
  // Not awaited: an SMTP round trip would make "account exists" measurably slower.
  void mailer
    .send({
      to: user.email,
      subject: t("mail.reset.subject", { instance: env.instanceName }),
      text: t("mail.reset.body", {
        name: user.displayName,
        link,
        minutes: RESET_TOKEN_MINUTES,
        instance: env.instanceName,
      }),
    })
    .catch((error: Error) => log.error("password reset mail failed", { error: error.name }));
}

/** Throws a clear 400 page when the link is wrong, used or expired. */
export async function assertResetTokenUsable(deps: AuthDeps, token: string): Promise<void> {
  const row = await findPasswordReset(deps.db, hashSecretHex(token));
  if (!row || row.usedAt || row.expiresAt.getTime() <= deps.clock.now().getTime())
    throw new HttpError(400, "auth.reset.invalidLink");
}

export async function resetPasswordWithToken(deps: AuthDeps, token: string, password: string): Promise<void> {
  const { db, clock } = deps;
  await assertResetTokenUsable(deps, token);
  const passwordHash = await hashPassword(password);
  const tokenHash = hashSecretHex(token);
  const done = await runInTransaction(db, async (tx) => {
    const row = await findPasswordReset(tx, tokenHash);
    if (!row || !(await consumePasswordReset(tx, tokenHash, clock.now()))) return false;
    await updateUserPassword(tx, row.userId, passwordHash);
    await deleteUserSessions(tx, row.userId);
    await deletePasswordResets(tx, row.userId);
    return true;
  });
  if (!done) throw new HttpError(400, "auth.reset.invalidLink");
}

export async function recoverWithCode(
  deps: AuthDeps,
  input: { identifier: string; code: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  const { db, clock, rateLimiter } = deps;
  await rateLimiter.takeToken("recovery", meta.ip);
  const user = await findUserBySignInName(db, input.identifier);
  const accountKey = user?.id ?? input.identifier;
  await rateLimiter.beginAttempt("recovery", accountKey);
  const passwordHash = await hashPassword(input.password);
  const done =
    !!user &&
    !user.disabledAt &&
    (await runInTransaction(db, async (tx) => {
      if (!(await useRecoveryCode(tx, user.id, hashRecoveryCode(input.code), clock.now()))) return false;
      await updateUserPassword(tx, user.id, passwordHash);
      await deleteUserSessions(tx, user.id);
      await deletePasswordResets(tx, user.id);
      return true;
    }));
  if (!done) throw new FormError({ code: "form.recoveryCode.wrong" });
  await rateLimiter.clearFailures("recovery", accountKey);
}
