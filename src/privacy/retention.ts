// Retention: accounts unused for RETENTION_MONTHS (default 24; 0 = never) get one neutral
// warning email — when they have an address — and are erased WARNING_DAYS later unless the
// person signs in meanwhile. "Used" means a sign-in or a session in use (User.lastSeenAt,
// written at sign-in and at most hourly after; accounts with none recorded count from the
// first run that sees them). Accounts without an address cannot be warned; their 30 days
// start all the same. The job runs at start-up and daily
// (retention-schedule.ts); running it twice in a row does nothing more.
import { findUserById } from "../auth/queries.js";
import type { AppDeps } from "../deps.js";
import { getLocale } from "../i18n/i18n.js";
import { eraseUser, LastAdminError } from "./erase.js";
import { findUnwarnedInactive, findWarned, setRetentionWarning, startUnknownActivity } from "./retention-queries.js";

export const WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

type Deps = Pick<AppDeps, "db" | "clock" | "env" | "mailer" | "log" | "rateLimiter" | "issuer">;
export type RetentionRun = { warned: number; erased: number; kept: number };

/** The moment `months` calendar months before `now`. */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

async function warn(deps: Deps, user: { id: string; email: string | null; locale: string | null }, now: Date) {
  if (user.email) {
    const { t, formatDate } = getLocale(user.locale ?? "en");
    const instance = deps.env.instanceName;
    // Neutral on purpose: no name, no course, nothing about what the person studied.
    await deps.mailer.send({
      to: user.email,
      subject: t("mail.retention.subject", { instance }),
      text: t("mail.retention.body", {
        instance,
        months: deps.env.retentionMonths,
        date: formatDate(new Date(now.getTime() + WARNING_DAYS * DAY_MS)),
        link: `${deps.env.baseUrl}/login`,
      }),
    });
  }
  await setRetentionWarning(deps.db, user.id, now);
}

export async function runRetention(deps: Deps): Promise<RetentionRun> {
  const run: RetentionRun = { warned: 0, erased: 0, kept: 0 };
  if (deps.env.retentionMonths === 0) return run;
  const now = deps.clock.now();
  await startUnknownActivity(deps.db, now);
  for (const user of await findWarned(deps.db)) {
    const warnedAt = user.retentionWarnAt!;
    if (user.lastSeenAt && user.lastSeenAt > warnedAt) {
      await setRetentionWarning(deps.db, user.id, null); // they came back: a later absence starts afresh
      run.kept++;
    } else if (now.getTime() - warnedAt.getTime() >= WARNING_DAYS * DAY_MS) {
      const record = await findUserById(deps.db, user.id);
      try {
        if (record) await eraseUser(deps, record);
        run.erased++;
      } catch (error) {
        if (!(error instanceof LastAdminError)) throw error;
        deps.log.warn("retention kept the last platform admin's account");
      }
    }
  }
  for (const user of await findUnwarnedInactive(deps.db, monthsBefore(now, deps.env.retentionMonths))) {
    try {
      await warn(deps, user, now);
      run.warned++;
    } catch (error) {
      // No warning sent, no clock started: the next run tries again.
      deps.log.error("retention warning mail failed", { error: (error as Error).name });
    }
  }
  return run;
}
