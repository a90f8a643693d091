// Finding accounts for the retention job. The only Prisma access of retention.
import type { DbClient } from "../db/client.js";

const person = { id: true, email: true, locale: true, lastSeenAt: true, retentionWarnAt: true } as const;

/**
 * Accounts with no recorded activity (made before activity was recorded, or by the admin
 * CLI and never used) start counting now: retention never erases on a guess.
 */
export async function startUnknownActivity(db: DbClient, now: Date): Promise<void> {
  await db.user.updateMany({ where: { lastSeenAt: null }, data: { lastSeenAt: now } });
}

/** Not warned yet, and no sign-in or session use since `cutoff`. */
export function findUnwarnedInactive(db: DbClient, cutoff: Date) {
  return db.user.findMany({
    where: {
      retentionWarnAt: null,
      lastSeenAt: { lt: cutoff },
      sessions: { none: { lastUsedAt: { gte: cutoff } } },
    },
    select: person,
  });
}

export function findWarned(db: DbClient) {
  return db.user.findMany({ where: { retentionWarnAt: { not: null } }, select: person });
}

export async function setRetentionWarning(db: DbClient, userId: string, at: Date | null): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { retentionWarnAt: at } });
}
