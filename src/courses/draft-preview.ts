// Draft courses and modules (`status: draft`) are hidden from learners; platform trainers and
// admins, and the teams of member organisations, may read them before they are published.
import { can } from "../auth/can.js";
import type { CurrentUser } from "../auth/middleware.js";
import type { Db } from "../db/client.js";
import { isOrgStaff } from "../orgs/queries.js";

export async function mayPreviewDrafts(db: Db, viewer: CurrentUser | null): Promise<boolean> {
  if (!viewer) return false;
  if (can(viewer, "courses:preview-drafts")) return true;
  return can(viewer, "courses:preview-drafts", { orgRole: (await isOrgStaff(db, viewer.id)) ? "trainer" : null });
}
