// What people change about their own account: profile, email, password, sessions and
// recovery codes. Changes to email and password ask for the current password.

import { hashPassword } from "../auth/passwords.js";
import {
  countUnusedRecoveryCodes,
  deleteSessionOfUser,
  deleteUserSessions,
  findUserById,
  isEmailTaken,
  listUserSessions,
  replaceRecoveryCodes,
  runInTransaction,
  type UserRecord,
  updateUserEmail,
  updateUserPassword,
  updateUserProfile,
} from "../auth/queries.js";
import { generateRecoveryCodes, hashRecoveryCode } from "../auth/recovery-codes.js";
import { sessionExpiresAt, sessionPolicy } from "../auth/session.js";
import { confirmCurrentPassword } from "../auth/sign-in.js";
import type { AuthDeps } from "../auth/types.js";
import { claimPendingEnrolments } from "../orgs/pending.js";
import { listMemberCohorts, listStaffMemberships } from "../orgs/queries.js";
import { notFound } from "../web/errors.js";
import { FormError } from "../web/forms.js";

async function loadUser({ db }: AuthDeps, userId: string): Promise<UserRecord> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound();
  return user;
}

export async function accountOverview(deps: AuthDeps, userId: string) {
  const user = await loadUser(deps, userId);
  const [sessions, recoveryCodesLeft, cohorts, staff] = await Promise.all([
    listUserSessions(deps.db, userId),
    countUnusedRecoveryCodes(deps.db, userId),
    listMemberCohorts(deps.db, userId),
    listStaffMemberships(deps.db, userId),
  ]);
  const policy = sessionPolicy(user);
  return {
    user,
    recoveryCodesLeft,
    cohorts: cohorts.map((m) => ({
      id: m.cohortId,
      name: m.cohort.name,
      courseId: m.cohort.courseId,
      orgName: m.cohort.org.name,
      joinedAt: m.joinedAt,
    })),
    staff: staff.map((m) => ({ slug: m.org.slug, name: m.org.name, role: m.role })),
    sessions: sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      browser: s.browser,
      expiresAt: sessionExpiresAt(s, policy),
    })),
  };
}

export async function updateProfile(
  deps: AuthDeps,
  userId: string,
  profile: { displayName: string; certificateName: string | null; locale: string | null },
): Promise<void> {
  await updateUserProfile(deps.db, userId, profile);
}

export async function changeEmail(
  deps: AuthDeps,
  userId: string,
  input: { email: string; currentPassword: string },
): Promise<void> {
  const user = await loadUser(deps, userId);
  await confirmCurrentPassword(deps, user, input.currentPassword);
  if (await isEmailTaken(deps.db, input.email, userId)) throw new FormError({ email: "form.email.taken" });
  await runInTransaction(deps.db, async (tx) => {
    await updateUserEmail(tx, userId, input.email);
    await claimPendingEnrolments(tx, userId, input.email, deps.clock.now());
  });
}

/** Removing the email leaves recovery codes as the only way back in: make sure there are some. */
export async function removeEmail(
  deps: AuthDeps,
  userId: string,
  input: { currentPassword: string },
): Promise<string[] | null> {
  const user = await loadUser(deps, userId);
  await confirmCurrentPassword(deps, user, input.currentPassword);
  const needCodes = (await countUnusedRecoveryCodes(deps.db, userId)) === 0;
  const codes = needCodes ? generateRecoveryCodes() : null;
  await runInTransaction(deps.db, async (tx) => {
    await updateUserEmail(tx, userId, null);
    if (codes) await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode));
  });
  return codes;
}

/** Ends every other session: whoever else knew the old password is signed out. */
export async function changePassword(
  deps: AuthDeps,
  userId: string,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await loadUser(deps, userId);
  await confirmCurrentPassword(deps, user, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await runInTransaction(deps.db, async (tx) => {
    await updateUserPassword(tx, userId, passwordHash);
    await deleteUserSessions(tx, userId, currentSessionId);
  });
}

export async function regenerateRecoveryCodes(
  deps: AuthDeps,
  userId: string,
  input: { currentPassword: string },
): Promise<string[]> {
  const user = await loadUser(deps, userId);
  await confirmCurrentPassword(deps, user, input.currentPassword);
  const codes = generateRecoveryCodes();
  await runInTransaction(deps.db, (tx) => replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode)));
  return codes;
}

/** Only the person's own sessions: someone else's id answers like one that does not exist. */
export async function revokeSession(deps: AuthDeps, userId: string, sessionId: string): Promise<void> {
  if ((await deleteSessionOfUser(deps.db, sessionId, userId)) === 0) throw notFound();
}

export async function signOutEverywhere(deps: AuthDeps, userId: string): Promise<void> {
  await deleteUserSessions(deps.db, userId);
}
