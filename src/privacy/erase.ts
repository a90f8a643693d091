// Erasing a person: their account and everything about them, in one transaction, after
// they proved it is them (password or recovery code, with the sign-in failure limits).
// Then the write-ahead log is checkpointed and truncated: with `secure_delete` on
// (src/db/client.ts) the erased bytes survive neither in the database file nor in its log.
import { findUserById, type UserRecord } from "../auth/queries.js";
import { hashRecoveryCode } from "../auth/recovery-codes.js";
import { confirmCurrentPassword } from "../auth/sign-in.js";
import { checkpointWal } from "../db/client.js";
import type { AppDeps } from "../deps.js";
import { conflict, HttpError } from "../web/errors.js";
import { FormError } from "../web/forms.js";
import { countOtherActiveAdmins, type ErasureCounts, eraseUserRows, hasUnusedRecoveryCode } from "./erase-queries.js";

type Deps = Pick<AppDeps, "db" | "clock" | "rateLimiter" | "issuer" | "log" | "mailer" | "env">;
export type ErasureProof = { currentPassword?: string | undefined; recoveryCode?: string | undefined };
export type Erasure = ErasureCounts & { ms: number };

/** The platform needs one administrator who can still sign in: the last one cannot leave. */
export class LastAdminError extends Error {
  override name = "LastAdminError";
}

async function isLastAdmin(db: Parameters<typeof countOtherActiveAdmins>[0], user: UserRecord): Promise<boolean> {
  return user.platformRole === "admin" && (await countOtherActiveAdmins(db, user.id)) === 0;
}

/** Password or recovery code, counted against the same per-account failure limit as sign-in. */
async function confirmIdentity(deps: Deps, user: UserRecord, proof: ErasureProof): Promise<void> {
  if (proof.currentPassword) return confirmCurrentPassword(deps, user, proof.currentPassword);
  // Counted as a failure before the check, so a burst cannot get more guesses (src/rate-limit).
  await deps.rateLimiter.beginAttempt("login", user.id);
  if (!(await hasUnusedRecoveryCode(deps.db, user.id, hashRecoveryCode(proof.recoveryCode ?? ""))))
    throw new FormError({ recoveryCode: "privacy.erase.codeWrong" });
  await deps.rateLimiter.clearFailures("login", user.id);
}

/** Why this person may not erase themselves, if they may not (the confirmation page says so before asking). */
export async function erasureBlocker(deps: Pick<Deps, "db">, user: UserRecord): Promise<"last-admin" | null> {
  return (await isLastAdmin(deps.db, user)) ? "last-admin" : null;
}

/** Erases a person, who has proved it is them or whom retention has reached. */
export async function eraseUser(deps: Deps, user: UserRecord): Promise<Erasure> {
  const started = performance.now();
  const counts = await deps.db.$transaction(
    async (tx) => {
      // Checked inside the transaction: two admins erasing at once cannot both pass.
      if (await isLastAdmin(tx, user)) throw new LastAdminError();
      return eraseUserRows(tx, user, deps.clock.now());
    },
    { timeout: 30_000 },
  );
  const ms = performance.now() - started;
  if (counts.certificatesRevoked) deps.issuer.statusListChanged();
  await Promise.all([
    deps.rateLimiter.clearFailures("login", user.id),
    deps.rateLimiter.clearFailures("recovery", user.id),
  ]);
  if (!(await checkpointWal(deps.db))) deps.log.warn("WAL checkpoint after erasure was busy; it will be retried");
  deps.log.info("account erased", { ms: Math.round(ms), ...counts });
  return { ...counts, ms };
}

/** The person erases themselves from /account/delete. */
export async function eraseOwnAccount(deps: Deps, userId: string, proof: ErasureProof): Promise<Erasure> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new HttpError(410, "privacy.gone");
  await confirmIdentity(deps, user, proof);
  try {
    return await eraseUser(deps, user);
  } catch (error) {
    if (error instanceof LastAdminError) throw conflict("privacy.erase.lastAdmin");
    throw error;
  }
}
