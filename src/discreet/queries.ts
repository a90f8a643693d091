// The only place discretion settings are read in bulk.
import type { DbClient } from "../db/client.js";

/** Of these addresses, those whose accounts turned discreet mode off (they accept detailed emails). */
export async function emailsWantingDetails(db: DbClient, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const users = await db.user.findMany({ where: { email: { in: emails }, discreet: false }, select: { email: true } });
  return new Set(users.map((u) => u.email!));
}
