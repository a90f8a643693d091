// Organisations and their staff: creating one (platform admins), editing it, and
// inviting admins and trainers by email or by a one-time link (14 days).
import { randomUUID } from "node:crypto";
import type { AppDeps } from "../deps.js";
import { getLocale } from "../i18n/i18n.js";
import { signUpInvitation } from "../mail/invitations.js";
import { generateSecureRandomString, hashSecretHex } from "../security/random.js";
import { conflict, HttpError, notFound } from "../web/errors.js";
import { FormError } from "../web/forms.js";
import * as q from "./queries.js";

type Deps = Pick<AppDeps, "db" | "clock" | "mailer" | "env" | "log">;
const INVITATION_DAYS = 14;

export async function createOrg(
  { db, clock }: Deps,
  input: { name: string; slug: string; description: string | null },
): Promise<q.OrgRecord> {
  if (await q.isOrgSlugTaken(db, input.slug)) throw new FormError({ slug: "orgs.slug.taken" });
  const org = {
    id: randomUUID(),
    slug: input.slug,
    name: input.name,
    description: input.description,
    createdAt: clock.now(),
  };
  await q.insertOrg(db, org);
  return org;
}

export async function updateOrg(
  { db }: Deps,
  org: q.OrgRecord,
  input: { name: string; description: string | null },
): Promise<void> {
  await q.updateOrg(db, org.id, input);
}

export const invitationUrl = (baseUrl: string, token: string) => `${baseUrl}/orgs/invite/${token}`;

/** Returns the link (shown once); with an email address, it is also sent there. */
export async function inviteStaff(
  deps: Deps,
  org: q.OrgRecord,
  input: { role: q.OrgRole; email: string | null },
  inviterLocale: string,
): Promise<string> {
  const token = generateSecureRandomString(32);
  const now = deps.clock.now();
  await q.insertOrgInvitation(deps.db, {
    tokenHash: hashSecretHex(token),
    orgId: org.id,
    role: input.role,
    email: input.email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  });
  const link = invitationUrl(deps.env.baseUrl, token);
  if (input.email) {
    const { t } = getLocale(inviterLocale);
    // Neutral: the organisation's name and role are shown on the link's page, after sign-in.
    void deps.mailer
      .send(
        signUpInvitation(t, {
          to: input.email,
          name: null,
          link,
          days: INVITATION_DAYS,
          instance: deps.env.instanceName,
        }),
      )
      .catch((error: Error) => deps.log.error("staff invitation mail failed", { error: error.name }));
  }
  return link;
}

export async function findStaffInvitation({ db, clock }: Deps, token: string) {
  const invitation = await q.findOrgInvitation(db, hashSecretHex(token));
  if (!invitation) throw notFound();
  if (invitation.revokedAt) throw new HttpError(410, "orgs.invitation.revoked");
  if (invitation.usedAt) throw new HttpError(410, "orgs.invitation.used");
  if (invitation.expiresAt <= clock.now()) throw new HttpError(410, "orgs.invitation.expired");
  return invitation;
}

export async function acceptStaffInvitation(deps: Deps, userId: string, token: string): Promise<q.OrgRecord> {
  const invitation = await findStaffInvitation(deps, token);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    if (!(await q.useOrgInvitation(tx, invitation.tokenHash, now))) throw new HttpError(410, "orgs.invitation.used");
    // Accepting an invitation never demotes an existing admin.
    const current = await q.findMembershipRole(tx, invitation.orgId, userId);
    if (current !== "admin") await q.upsertMembership(tx, invitation.orgId, userId, invitation.role as q.OrgRole, now);
  });
  return invitation.org;
}

export async function revokeStaffInvitation({ db, clock }: Deps, org: q.OrgRecord, tokenHash: string): Promise<void> {
  if ((await q.revokeOrgInvitation(db, org.id, tokenHash, clock.now())) === 0) throw notFound();
}

export async function removeStaff({ db }: Deps, org: q.OrgRecord, userId: string): Promise<void> {
  const role = await q.findMembershipRole(db, org.id, userId);
  if (!role) throw notFound();
  if (role === "admin" && (await q.countOrgAdmins(db, org.id)) <= 1) throw conflict("orgs.staff.lastAdmin");
  await q.deleteMembership(db, org.id, userId);
}
