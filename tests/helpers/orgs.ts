// Organisations for tests: an organisation with an admin and a trainer, a cohort of the
// fixture course the trainer trains, built through the services (the HTTP flows that create
// them have their own tests).
import { createCohort } from "../../src/orgs/cohort-service.js";
import { createOrg } from "../../src/orgs/org-service.js";
import {
  type CohortRecord,
  enrolInCourse,
  insertCohortMember,
  type OrgRecord,
  upsertMembership,
} from "../../src/orgs/queries.js";
import { createUser, type TestUser } from "./accounts.js";
import type { TestContext } from "./context.js";

export type TestOrg = { org: OrgRecord; admin: TestUser; trainer: TestUser; cohort: CohortRecord; url: string };

export async function createTestOrg(
  ctx: TestContext,
  slug: string,
  options: { capacity?: number | null; courseId?: string } = {},
): Promise<TestOrg> {
  const org = await createOrg(ctx.deps, { name: `Org ${slug}`, slug, description: null });
  const admin = await createUser(ctx, { displayName: `Admin of ${slug}`, email: `admin@${slug}.example` });
  const trainer = await createUser(ctx, { displayName: `Trainer of ${slug}` });
  const now = ctx.deps.clock.now();
  await upsertMembership(ctx.db, org.id, admin.id, "admin", now);
  await upsertMembership(ctx.db, org.id, trainer.id, "trainer", now);
  const cohort = await createCohort(ctx.deps, org, {
    name: `Cohort of ${slug}`,
    slug: `${slug}-cohort`,
    courseId: options.courseId ?? "fixture-course",
    startsOn: null,
    endsOn: null,
    capacity: options.capacity ?? null,
    trainerIds: [trainer.id],
  });
  return { org, admin, trainer, cohort, url: `/orgs/${org.slug}/cohorts/${cohort.slug}` };
}

/** Adds people to a cohort directly (as if they had joined), enrolled in its course. */
export async function addMembers(ctx: TestContext, cohort: CohortRecord, users: readonly TestUser[]): Promise<void> {
  const now = ctx.deps.clock.now();
  for (const user of users) {
    await insertCohortMember(ctx.db, { cohortId: cohort.id, userId: user.id, joinedAt: now, via: "code" });
    await enrolInCourse(ctx.db, user.id, cohort.courseId, now);
  }
}
