// Signing in with a username or an email address. Failures say the same thing whether
// or not the account exists, take the same time, and grow the wait on that account.
import { FormError } from "../web/forms.js";
import { encodeBrowserLabel } from "./browser-label.js";
import { verifyAgainstNothing, verifyPassword } from "./passwords.js";
import { findUserBySignInName, type UserRecord } from "./queries.js";
import { createSession, sessionExpiresAt, sessionPolicy } from "./session.js";
import type { AuthDeps, RequestMeta, SignedIn } from "./types.js";

export async function signIn(
  deps: AuthDeps,
  input: { identifier: string; password: string },
  meta: RequestMeta,
): Promise<SignedIn> {
  const { db, clock, rateLimiter } = deps;
  await rateLimiter.takeToken("login", meta.ip);
  const user = await findUserBySignInName(db, input.identifier);
  // One counter per account whichever name was typed; per typed name when none matches.
  const accountKey = user?.id ?? input.identifier;
  // Counted as a failure before the check, so parallel guesses cannot outrun the limit.
  await rateLimiter.beginAttempt("login", accountKey);
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstNothing(input.password);
  if (!user || !valid) throw new FormError({ form: "auth.login.failed" });
  await rateLimiter.clearFailures("login", accountKey);
  if (user.disabledAt) throw new FormError({ form: "auth.login.disabled" });
  const { token, session } = await createSession(db, user.id, encodeBrowserLabel(meta.userAgent), clock.now());
  return { token, expiresAt: sessionExpiresAt(session, sessionPolicy(user)), userId: user.id };
}

/** For account changes: the current password, with the same failure limits as signing in. */
export async function confirmCurrentPassword(
  deps: AuthDeps,
  user: UserRecord,
  password: string,
  field = "currentPassword",
): Promise<void> {
  await deps.rateLimiter.beginAttempt("login", user.id);
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new FormError({ [field]: "form.currentPassword.wrong" });
  await deps.rateLimiter.clearFailures("login", user.id);
}
