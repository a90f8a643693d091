// Creating an account: username, display name, password, and an optional email.
// Without an email the learner gets one-time recovery codes, shown once.

import { claimPendingEnrolments } from "../orgs/pending.js";
import { generateSecureRandomString } from "../security/random.js";
import { FormError } from "../web/forms.js";
import { encodeBrowserLabel } from "./browser-label.js";
import { hashPassword } from "./passwords.js";
import { insertUser, isEmailTaken, isUsernameTaken, replaceRecoveryCodes, runInTransaction } from "./queries.js";
import { generateRecoveryCodes, hashRecoveryCode } from "./recovery-codes.js";
import { createSession, LEARNER_POLICY, sessionExpiresAt } from "./session.js";
import type { AuthDeps, RequestMeta, SignedIn } from "./types.js";

export type RegisterInput = { displayName: string; username: string; email: string | null; password: string };

export async function register(
  deps: AuthDeps,
  input: RegisterInput,
  meta: RequestMeta,
): Promise<SignedIn & { recoveryCodes: string[] | null }> {
  const { db, clock, rateLimiter } = deps;
  await rateLimiter.takeToken("register", meta.ip);
  await assertAvailable(deps, input);
  const passwordHash = await hashPassword(input.password);
  const id = generateSecureRandomString(16);
  const recoveryCodes = input.email ? null : generateRecoveryCodes();
  const now = clock.now();
  try {
    const { token, session } = await runInTransaction(db, async (tx) => {
      await insertUser(tx, {
        id,
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        passwordHash,
        locale: meta.locale,
      });
      if (recoveryCodes) await replaceRecoveryCodes(tx, id, recoveryCodes.map(hashRecoveryCode));
      // Someone an organisation enrolled by email before they had an account lands in the cohort now.
      if (input.email) await claimPendingEnrolments(tx, id, input.email, now);
      return createSession(tx, id, encodeBrowserLabel(meta.userAgent), now);
    });
    return { token, expiresAt: sessionExpiresAt(session, LEARNER_POLICY), userId: id, recoveryCodes };
  } catch (error) {
    // Two people choosing the same name at the same moment: the unique index decides.
    if ((error as { code?: string }).code === "P2002") await assertAvailable(deps, input);
    throw error;
  }
}

async function assertAvailable({ db }: AuthDeps, input: RegisterInput): Promise<void> {
  const errors: Record<string, string> = {};
  if (await isUsernameTaken(db, input.username)) errors.username = "form.username.taken";
  if (input.email && (await isEmailTaken(db, input.email))) errors.email = "form.email.taken";
  if (Object.keys(errors).length > 0) throw new FormError(errors);
}
