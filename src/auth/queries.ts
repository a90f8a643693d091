// The only place accounts, sessions, recovery codes and reset tokens touch the database.
import type { DbClient as Client, Db, Tx } from "../db/client.js";
import { asBytes, asDate, withSql } from "../db/direct.js";

export type PlatformRole = "learner" | "trainer" | "admin";

export type UserRecord = {
  id: string;
  username: string;
  displayName: string;
  certificateName: string | null;
  email: string | null;
  passwordHash: string;
  locale: string | null;
  platformRole: string;
  disabledAt: Date | null;
  discreet: boolean;
  createdAt: Date;
};

export type SessionRecord = {
  id: string;
  secretHash: Uint8Array;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  browser: string;
};

// ---------- users ----------

export function findUserById(db: Client, id: string): Promise<UserRecord | null> {
  return db.user.findUnique({ where: { id } });
}

/** By username, or by email when the identifier contains "@". Both are stored lowercase. */
export function findUserBySignInName(db: Client, identifier: string): Promise<UserRecord | null> {
  const key = identifier.trim().toLowerCase();
  return key.includes("@")
    ? db.user.findUnique({ where: { email: key } })
    : db.user.findUnique({ where: { username: key } });
}

export async function isUsernameTaken(db: Client, username: string): Promise<boolean> {
  return (await db.user.count({ where: { username } })) > 0;
}

export async function isEmailTaken(db: Client, email: string, exceptUserId?: string): Promise<boolean> {
  return (await db.user.count({ where: { email, ...(exceptUserId ? { NOT: { id: exceptUserId } } : {}) } })) > 0;
}

export type NewUser = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  locale: string | null;
  platformRole?: PlatformRole;
};

export async function insertUser(db: Client, user: NewUser): Promise<void> {
  await db.user.create({ data: user });
}

export async function updateUserProfile(
  db: Client,
  id: string,
  profile: { displayName: string; certificateName: string | null; locale: string | null },
): Promise<void> {
  await db.user.update({ where: { id }, data: profile });
}

export async function updateUserDiscreet(db: Client, id: string, discreet: boolean): Promise<void> {
  await db.user.update({ where: { id }, data: { discreet } });
}

export async function updateUserEmail(db: Client, id: string, email: string | null): Promise<void> {
  await db.user.update({ where: { id }, data: { email } });
}

export async function updateUserPassword(db: Client, id: string, passwordHash: string): Promise<void> {
  await db.user.update({ where: { id }, data: { passwordHash } });
}

export async function updateUserRole(db: Client, id: string, platformRole: PlatformRole): Promise<void> {
  await db.user.update({ where: { id }, data: { platformRole } });
}

export async function setUserDisabled(db: Client, id: string, disabledAt: Date | null): Promise<void> {
  await db.user.update({ where: { id }, data: { disabledAt } });
}

// ---------- sessions ----------

/** Also records the sign-in as the account's last activity (what retention measures). */
export async function insertSession(db: Client, session: SessionRecord): Promise<void> {
  await db.session.create({ data: { ...session, secretHash: Buffer.from(session.secretHash) } });
  await db.user.update({ where: { id: session.userId }, data: { lastSeenAt: session.createdAt } });
}

// Hot path (every signed-in request): the direct SQL route (src/db/direct.ts).
export function findSessionWithUser(db: Db, id: string): Promise<(SessionRecord & { user: UserRecord }) | null> {
  return withSql(db, (sql) => {
    const [r] = sql.rows(
      `SELECT s."id", s."secretHash", s."userId", s."createdAt", s."lastUsedAt", s."browser",
              u."username", u."displayName", u."certificateName", u."email", u."passwordHash", u."locale",
              u."platformRole", u."disabledAt", u."discreet", u."createdAt" AS "userCreatedAt"
       FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ?`,
      [id],
    );
    if (!r) return null;
    return {
      id: String(r.id),
      secretHash: asBytes(r.secretHash),
      userId: String(r.userId),
      createdAt: asDate(r.createdAt)!,
      lastUsedAt: asDate(r.lastUsedAt)!,
      browser: String(r.browser),
      user: {
        id: String(r.userId),
        username: String(r.username),
        displayName: String(r.displayName),
        certificateName: (r.certificateName as string | null) ?? null,
        email: (r.email as string | null) ?? null,
        passwordHash: String(r.passwordHash),
        locale: (r.locale as string | null) ?? null,
        platformRole: String(r.platformRole),
        disabledAt: asDate(r.disabledAt),
        discreet: Boolean(r.discreet),
        createdAt: asDate(r.userCreatedAt)!,
      },
    };
  });
}

/** At most hourly (session.ts): the session's and the account's last activity, for retention. */
export async function touchSession(db: Db, id: string, lastUsedAt: Date): Promise<void> {
  await withSql(db, (sql) => {
    sql.run(`UPDATE "Session" SET "lastUsedAt" = ? WHERE "id" = ?`, [lastUsedAt, id]);
    sql.run(`UPDATE "User" SET "lastSeenAt" = ? WHERE "id" = (SELECT "userId" FROM "Session" WHERE "id" = ?)`, [
      lastUsedAt,
      id,
    ]);
  });
}

export async function deleteSession(db: Client, id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}

export async function deleteSessionOfUser(db: Client, id: string, userId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { id, userId } })).count;
}

export async function deleteUserSessions(db: Client, userId: string, exceptSessionId?: string): Promise<void> {
  await db.session.deleteMany({ where: { userId, ...(exceptSessionId ? { NOT: { id: exceptSessionId } } : {}) } });
}

export function listUserSessions(db: Client, userId: string): Promise<SessionRecord[]> {
  return db.session.findMany({ where: { userId }, orderBy: { lastUsedAt: "desc" } });
}

// ---------- recovery codes ----------

export async function replaceRecoveryCodes(db: Client, userId: string, codeHashes: string[]): Promise<void> {
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ codeHash, userId })) });
}

export function countUnusedRecoveryCodes(db: Client, userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/** Marks the code used if it belongs to the user and is unused; true when it did. */
export async function useRecoveryCode(db: Client, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({
    where: { codeHash, userId, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

// ---------- password reset tokens ----------

export async function insertPasswordReset(
  db: Client,
  reset: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.passwordReset.create({ data: reset });
}

export function findPasswordReset(
  db: Client,
  tokenHash: string,
): Promise<{ userId: string; expiresAt: Date; usedAt: Date | null } | null> {
  return db.passwordReset.findUnique({ where: { tokenHash } });
}

/** Single use: marks it used only if still unused and unexpired; true when it did. */
export async function consumePasswordReset(db: Client, tokenHash: string, now: Date): Promise<boolean> {
  const { count } = await db.passwordReset.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

export async function deletePasswordResets(db: Client, userId: string): Promise<void> {
  await db.passwordReset.deleteMany({ where: { userId } });
}

// ---------- admin listing ----------

export async function searchUsers(
  db: Client,
  query: string,
  page: number,
  pageSize: number,
): Promise<{ users: UserRecord[]; total: number }> {
  const q = query.trim().toLowerCase();
  const where = q
    ? { OR: [{ username: { contains: q } }, { displayName: { contains: query.trim() } }, { email: { contains: q } }] }
    : {};
  const [users, total] = await Promise.all([
    db.user.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    db.user.count({ where }),
  ]);
  return { users, total };
}

export function runInTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work);
}
