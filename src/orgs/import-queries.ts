// The one write of a CSV enrolment, as a single synchronous transaction on the direct SQL
// route (src/db/direct.ts): 10,000 rows through Prisma took 8 s, holding the database
// for everyone; as prepared statements they take a fraction of a second.
import type { SyncSql } from "../db/direct.js";
import { ensureEnrolment } from "../learning/queries.js";
import type { ImportRow } from "./csv-import.js";

const CHUNK = 500; // addresses per IN (…) lookup, well under SQLite's variable limit
const PLACEHOLDERS = Array.from({ length: CHUNK }, () => "?").join(",");

export function countSeats(sql: SyncSql, cohortId: string): number {
  const [row] = sql.rows(
    `SELECT (SELECT count(*) FROM "CohortMember" WHERE "cohortId" = ?) + (SELECT count(*) FROM "PendingEnrolment" WHERE "cohortId" = ?) AS seats`,
    [cohortId, cohortId],
  );
  return Number(row?.seats ?? 0);
}

/** Account ids by (lowercase) email, for the addresses given. */
export function usersByEmail(sql: SyncSql, emails: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 0; i < emails.length; i += CHUNK) {
    // Padded to a fixed length, so one prepared statement serves every chunk.
    const chunk: (string | null)[] = emails.slice(i, i + CHUNK);
    while (chunk.length < CHUNK) chunk.push(null);
    for (const r of sql.rows(`SELECT "id", "email" FROM "User" WHERE "email" IN (${PLACEHOLDERS})`, chunk))
      found.set(String(r.email), String(r.id));
  }
  return found;
}

/** Adds an account to the cohort and its course; false if already a member. */
export function addMember(sql: SyncSql, cohort: { id: string; courseId: string }, userId: string, now: Date): boolean {
  const added =
    sql.run(
      `INSERT INTO "CohortMember" ("cohortId", "userId", "joinedAt", "via") VALUES (?, ?, ?, 'csv') ON CONFLICT DO NOTHING`,
      [cohort.id, userId, now],
    ) > 0;
  if (added) ensureEnrolment(sql, userId, cohort.courseId, now);
  return added;
}

export function addPending(sql: SyncSql, cohortId: string, row: ImportRow, now: Date): void {
  sql.run(
    `INSERT INTO "PendingEnrolment" ("cohortId", "email", "name", "language", "createdAt") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [cohortId, row.email, row.name, row.language, now],
  );
}

export function deleteImport(sql: SyncSql, importId: string): void {
  sql.run(`DELETE FROM "CsvImport" WHERE "id" = ?`, [importId]);
}
