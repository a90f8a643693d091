// Finding accounts for the retention job. The only Prisma access of retention.
import type { DbClient } from "../db/client.js";

const person = { id: true, email: true, locale: true, lastSeenAt: true, retentionWarnAt: true } as const;

/** Not warned yet, and no sign-in or session use since `cutoff` (never signed in: since creation). */
export function findUnwarnedInactive(db: DbClient, cutoff: Date) {
  return db.user.findMany({
    where: {
      retentionWarnAt: null,
      OR: [{ lastSeenAt: { lt: cutoff } }, { lastSeenAt: null, createdAt: { lt: cutoff } }],
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
