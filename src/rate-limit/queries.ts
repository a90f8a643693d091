// The only place rate limits touch the database. One row per key.
import type { Db, Tx } from "../db/client.js";

export type RateLimitRow = {
  key: string;
  tokens: number;
  failures: number;
  blockedUntil: Date | null;
  updatedAt: Date;
};

export function findRateLimit(tx: Tx | Db, key: string): Promise<RateLimitRow | null> {
  return tx.rateLimit.findUnique({ where: { key } });
}

export async function saveRateLimit(tx: Tx | Db, row: RateLimitRow & { expiresAt: Date }): Promise<void> {
  const { key, ...data } = row;
  await tx.rateLimit.upsert({ where: { key }, create: row, update: data });
}

export async function deleteRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

export async function pruneRateLimits(db: Db, now: Date): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

export function runInTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work);
}
