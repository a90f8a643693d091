// People pre-assigned to cohorts by CSV land in them when they sign up (or add their
// email address) — inside the same transaction as the account change.
import type { DbClient } from "../db/client.js";
import * as q from "./queries.js";

export async function claimPendingEnrolments(db: DbClient, userId: string, email: string, now: Date): Promise<number> {
  const rows = await q.takePendingEnrolments(db, email);
  for (const row of rows) {
    const cohort = await q.findCohortById(db, row.cohortId);
    if (!cohort || (await q.isCohortMember(db, cohort.id, userId))) continue;
    await q.insertCohortMember(db, { cohortId: cohort.id, userId, joinedAt: now, via: "signup" });
    await q.enrolInCourse(db, userId, cohort.courseId, now);
  }
  await q.deletePendingEnrolments(db, email);
  return rows.length;
}
