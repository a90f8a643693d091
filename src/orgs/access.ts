// Who may see an organisation or cohort. Anything a viewer may not see answers exactly
// like something that does not exist (404): staff of organisation A cannot even confirm
// that organisation B, or one of its cohorts, exists.

import { type Action, can } from "../auth/can.js";
import type { CurrentUser } from "../auth/middleware.js";
import type { Db } from "../db/client.js";
import { forbidden, notFound } from "../web/errors.js";
import {
  type CohortRecord,
  findCohort,
  findMembershipRole,
  findOrgBySlug,
  isCohortTrainer,
  type OrgRecord,
  type OrgRole,
} from "./queries.js";

export type OrgAccess = { org: OrgRecord; viewer: CurrentUser; orgRole: OrgRole | null; platformAdmin: boolean };
export type CohortAccess = OrgAccess & { cohort: CohortRecord; trainsCohort: boolean };

export async function orgAccess(
  db: Db,
  viewer: CurrentUser,
  slug: string,
  action: Action = "org:view",
): Promise<OrgAccess> {
  const org = await findOrgBySlug(db, slug);
  const orgRole = org ? await findMembershipRole(db, org.id, viewer.id) : null;
  if (!org || !can(viewer, "org:view", { orgRole })) throw notFound();
  // Visible, but this action needs more: say so (it is their own organisation).
  if (!can(viewer, action, { orgRole })) throw forbidden();
  return { org, viewer, orgRole, platformAdmin: viewer.platformRole === "admin" };
}

export async function cohortAccess(
  db: Db,
  access: OrgAccess,
  slug: string,
  action: Action = "cohort:view",
): Promise<CohortAccess> {
  const cohort = await findCohort(db, access.org.id, slug);
  const trainsCohort = cohort ? await isCohortTrainer(db, cohort.id, access.viewer.id) : false;
  const scope = { orgRole: access.orgRole, trainsCohort };
  if (!cohort || !can(access.viewer, "cohort:view", scope)) throw notFound();
  if (!can(access.viewer, action, scope)) throw forbidden();
  return { ...access, cohort, trainsCohort };
}
