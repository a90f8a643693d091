// Enrolling learners from a CSV of `email,name[,language]`: a preview first (valid and
// rejected rows with reasons), then one click enrols everyone in one transaction — or
// no one — and sends the invitations. Rows for people without an account wait for them.
import { randomUUID } from "node:crypto";
import { inTransaction } from "../db/direct.js";
import type { AppDeps } from "../deps.js";
import { emailsWantingDetails } from "../discreet/queries.js";
import { getLocale, SUPPORTED_LOCALES } from "../i18n/i18n.js";
import { addedToGroupMail, signUpInvitation } from "../mail/invitations.js";
import { HttpError, notFound } from "../web/errors.js";
import { type CsvImport, type ImportRow, parseEnrolmentCsv } from "./csv-import.js";
import * as iq from "./import-queries.js";
import * as q from "./queries.js";

type Deps = Pick<AppDeps, "db" | "clock" | "mailer" | "env" | "log" | "catalog">;
export type Preview = { parsed: CsvImport; importId: string | null };

const PREVIEW_LIFETIME_MS = 3600_000;

export async function previewImport(deps: Deps, cohort: q.CohortRecord, bytes: Uint8Array): Promise<Preview> {
  const parsed = parseEnrolmentCsv(bytes, {
    languages: SUPPORTED_LOCALES,
    existingEmails: await q.memberEmails(deps.db, cohort.id),
  });
  if (parsed.fileErrors.length > 0 || parsed.valid.length === 0) return { parsed, importId: null };
  if (cohort.capacity !== null) {
    const seats = await q.countCohortSeats(deps.db, cohort.id);
    if (seats + parsed.valid.length > cohort.capacity) {
      return {
        parsed: {
          ...parsed,
          fileErrors: [
            {
              key: "csv.capacity",
              params: {
                capacity: cohort.capacity,
                free: Math.max(0, cohort.capacity - seats),
                rows: parsed.valid.length,
              },
            },
          ],
        },
        importId: null,
      };
    }
  }
  const now = deps.clock.now();
  await q.pruneCsvImports(deps.db, new Date(now.getTime() - PREVIEW_LIFETIME_MS));
  const importId = randomUUID();
  await q.insertCsvImport(deps.db, {
    id: importId,
    cohortId: cohort.id,
    rows: JSON.stringify(parsed.valid),
    createdAt: now,
  });
  return { parsed, importId };
}

export async function confirmImport(
  deps: Deps,
  cohort: q.CohortRecord & { orgName: string },
  importId: string,
): Promise<{ enrolled: number; pending: number }> {
  const now = deps.clock.now();
  const stored = await q.findCsvImport(deps.db, importId, cohort.id);
  if (!stored || stored.createdAt.getTime() < now.getTime() - PREVIEW_LIFETIME_MS) throw notFound();
  const rows = JSON.parse(stored.rows) as ImportRow[];
  const outcome = await inTransaction(deps.db, (sql) => {
    if (cohort.capacity !== null && iq.countSeats(sql, cohort.id) + rows.length > cohort.capacity)
      throw new HttpError(409, "orgs.join.full");
    const users = iq.usersByEmail(
      sql,
      rows.map((r) => r.email),
    );
    const enrolled: ImportRow[] = [];
    const pending: ImportRow[] = [];
    for (const row of rows) {
      const userId = users.get(row.email);
      if (!userId) {
        iq.addPending(sql, cohort.id, row, now);
        pending.push(row);
      } else if (iq.addMember(sql, cohort, userId, now)) enrolled.push(row);
    }
    iq.deleteImport(sql, importId);
    return { enrolled, pending };
  });
  void sendInvitations(deps, cohort, outcome.enrolled, outcome.pending);
  return { enrolled: outcome.enrolled.length, pending: outcome.pending.length };
}

/** After the commit, one message per person, in their language when the CSV gave one.
 *  Neutral (src/mail/invitations.ts) unless the account's owner turned discreet mode off. */
async function sendInvitations(
  deps: Deps,
  cohort: q.CohortRecord & { orgName: string },
  enrolled: ImportRow[],
  pending: ImportRow[],
): Promise<void> {
  const course = deps.catalog.current.courseById.get(cohort.courseId);
  const { baseUrl, instanceName: instance } = deps.env;
  const wantDetails = await emailsWantingDetails(
    deps.db,
    enrolled.map((row) => row.email),
  );
  const messageFor = (row: ImportRow, kind: "enrolled" | "pending") => {
    const { t } = getLocale(row.language ?? "en");
    if (kind === "pending")
      return signUpInvitation(t, {
        to: row.email,
        name: row.name,
        link: `${baseUrl}/register?email=${encodeURIComponent(row.email)}`,
        instance,
      });
    const details = wantDetails.has(row.email)
      ? {
          org: cohort.orgName,
          cohort: cohort.name,
          course: course?.title ?? cohort.courseId,
          courseUrl: course?.url ?? "/",
        }
      : null;
    return addedToGroupMail(t, { to: row.email, name: row.name, instance, baseUrl, details });
  };
  const send = (row: ImportRow, kind: "enrolled" | "pending") =>
    deps.mailer
      .send(messageFor(row, kind))
      .catch((error: Error) => deps.log.error("cohort invitation mail failed", { error: error.name }));
  for (const row of enrolled) await send(row, "enrolled");
  for (const row of pending) await send(row, "pending");
}
