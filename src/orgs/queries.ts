// The only place organisations, cohorts and their memberships touch the database
// (Prisma); the dashboard's bulk reads are in dashboard-queries.ts.
import type { DbClient } from "../db/client.js";

export type OrgRole = "admin" | "trainer";
export type OrgRecord = { id: string; slug: string; name: string; description: string | null; createdAt: Date };
export type CohortRecord = {
  id: string;
  orgId: string;
  slug: string;
  name: string;
  courseId: string;
  startsOn: Date | null;
  endsOn: Date | null;
  capacity: number | null;
  joinCode: string;
  createdAt: Date;
};

// ---------- organisations ----------

export function findOrgBySlug(db: DbClient, slug: string): Promise<OrgRecord | null> {
  return db.organisation.findUnique({ where: { slug } });
}

export async function isOrgSlugTaken(db: DbClient, slug: string): Promise<boolean> {
  return (await db.organisation.count({ where: { slug } })) > 0;
}

export async function insertOrg(db: DbClient, org: OrgRecord): Promise<void> {
  await db.organisation.create({ data: org });
}

export async function updateOrg(
  db: DbClient,
  id: string,
  data: { name: string; description: string | null },
): Promise<void> {
  await db.organisation.update({ where: { id }, data });
}

export async function searchOrgs(db: DbClient, query: string, page: number, pageSize: number) {
  const q = query.trim();
  const where = q ? { OR: [{ name: { contains: q } }, { slug: { contains: q.toLowerCase() } }] } : {};
  const [orgs, total] = await Promise.all([
    db.organisation.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { _count: { select: { members: true, cohorts: true } } },
    }),
    db.organisation.count({ where }),
  ]);
  return { orgs, total };
}

// ---------- staff ----------

export async function findMembershipRole(db: DbClient, orgId: string, userId: string): Promise<OrgRole | null> {
  const row = await db.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { role: true } });
  return (row?.role as OrgRole | undefined) ?? null;
}

export function listStaffMemberships(db: DbClient, userId: string) {
  return db.membership.findMany({ where: { userId }, include: { org: true }, orderBy: { createdAt: "asc" } });
}

export function listStaff(db: DbClient, orgId: string) {
  return db.membership.findMany({
    where: { orgId },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { id: true, username: true, displayName: true } } },
  });
}

export async function upsertMembership(
  db: DbClient,
  orgId: string,
  userId: string,
  role: OrgRole,
  now: Date,
): Promise<void> {
  await db.membership.upsert({
    where: { orgId_userId: { orgId, userId } },
    create: { orgId, userId, role, createdAt: now },
    update: { role },
  });
}

export async function deleteMembership(db: DbClient, orgId: string, userId: string): Promise<number> {
  return (await db.membership.deleteMany({ where: { orgId, userId } })).count;
}

export async function countOrgAdmins(db: DbClient, orgId: string): Promise<number> {
  return db.membership.count({ where: { orgId, role: "admin" } });
}

// ---------- staff invitations ----------

export async function insertOrgInvitation(
  db: DbClient,
  invitation: {
    tokenHash: string;
    orgId: string;
    role: OrgRole;
    email: string | null;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db.orgInvitation.create({ data: invitation });
}

export function findOrgInvitation(db: DbClient, tokenHash: string) {
  return db.orgInvitation.findUnique({ where: { tokenHash }, include: { org: true } });
}

export async function useOrgInvitation(db: DbClient, tokenHash: string, now: Date): Promise<boolean> {
  const { count } = await db.orgInvitation.updateMany({
    where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

export function listOpenOrgInvitations(db: DbClient, orgId: string, now: Date) {
  return db.orgInvitation.findMany({
    where: { orgId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeOrgInvitation(db: DbClient, orgId: string, tokenHash: string, now: Date): Promise<number> {
  return (
    await db.orgInvitation.updateMany({
      where: { orgId, tokenHash, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    })
  ).count;
}

// ---------- cohorts ----------

export function findCohort(db: DbClient, orgId: string, slug: string): Promise<CohortRecord | null> {
  return db.cohort.findUnique({ where: { orgId_slug: { orgId, slug } } });
}

export function findCohortById(db: DbClient, id: string) {
  return db.cohort.findUnique({ where: { id }, include: { org: true } });
}

export function findCohortByJoinCode(db: DbClient, joinCode: string) {
  return db.cohort.findUnique({ where: { joinCode }, include: { org: true } });
}

export async function isCohortSlugTaken(
  db: DbClient,
  orgId: string,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  return (await db.cohort.count({ where: { orgId, slug, ...(exceptId ? { NOT: { id: exceptId } } : {}) } })) > 0;
}

export async function insertCohort(db: DbClient, cohort: CohortRecord): Promise<void> {
  await db.cohort.create({ data: cohort });
}

export async function updateCohort(
  db: DbClient,
  id: string,
  { name, startsOn, endsOn, capacity }: Pick<CohortRecord, "name" | "startsOn" | "endsOn" | "capacity">,
): Promise<void> {
  await db.cohort.update({ where: { id }, data: { name, startsOn, endsOn, capacity } });
}

export async function setJoinCode(db: DbClient, id: string, joinCode: string): Promise<void> {
  await db.cohort.update({ where: { id }, data: { joinCode } });
}

export function listOrgCohorts(db: DbClient, orgId: string, trainerId?: string) {
  return db.cohort.findMany({
    where: { orgId, ...(trainerId ? { trainers: { some: { userId: trainerId } } } : {}) },
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { members: true } } },
  });
}

export async function isCohortTrainer(db: DbClient, cohortId: string, userId: string): Promise<boolean> {
  return (await db.cohortTrainer.count({ where: { cohortId, userId } })) > 0;
}

export function listCohortTrainers(db: DbClient, cohortId: string) {
  return db.cohortTrainer.findMany({
    where: { cohortId },
    include: { user: { select: { id: true, username: true, displayName: true } } },
  });
}

export async function replaceCohortTrainers(db: DbClient, cohortId: string, userIds: readonly string[]): Promise<void> {
  await db.cohortTrainer.deleteMany({ where: { cohortId } });
  if (userIds.length) await db.cohortTrainer.createMany({ data: userIds.map((userId) => ({ cohortId, userId })) });
}

// ---------- cohort members ----------

/** Places taken: members and people pre-assigned by CSV who have not signed up yet. */
export async function countCohortSeats(db: DbClient, cohortId: string): Promise<number> {
  const [members, pending] = await Promise.all([
    db.cohortMember.count({ where: { cohortId } }),
    db.pendingEnrolment.count({ where: { cohortId } }),
  ]);
  return members + pending;
}

/** Enrols in the course (idempotent), inside a Prisma transaction. */
export async function enrolInCourse(db: DbClient, userId: string, courseId: string, now: Date): Promise<void> {
  await db.enrolment.upsert({
    where: { userId_courseId: { userId, courseId } },
    create: { userId, courseId, enrolledAt: now },
    update: {},
  });
}

export async function isCohortMember(db: DbClient, cohortId: string, userId: string): Promise<boolean> {
  return (await db.cohortMember.count({ where: { cohortId, userId } })) > 0;
}

export async function insertCohortMember(
  db: DbClient,
  member: { cohortId: string; userId: string; joinedAt: Date; via: string },
): Promise<void> {
  await db.cohortMember.create({ data: member });
}

export async function deleteCohortMember(db: DbClient, cohortId: string, userId: string): Promise<number> {
  return (await db.cohortMember.deleteMany({ where: { cohortId, userId } })).count;
}

/** The cohorts that can see a learner's progress, with their organisation. */
export function listMemberCohorts(db: DbClient, userId: string) {
  return db.cohortMember.findMany({
    where: { userId },
    include: { cohort: { include: { org: true } } },
    orderBy: { joinedAt: "asc" },
  });
}

/** The learner's cohort for a course (the earliest joined), for certificates and surveys. */
export async function findMemberCohortForCourse(
  db: DbClient,
  userId: string,
  courseId: string,
): Promise<string | null> {
  const row = await db.cohortMember.findFirst({
    where: { userId, cohort: { courseId } },
    orderBy: { joinedAt: "asc" },
    select: { cohortId: true },
  });
  return row?.cohortId ?? null;
}

export async function memberEmails(db: DbClient, cohortId: string): Promise<Set<string>> {
  const [members, pending] = await Promise.all([
    db.cohortMember.findMany({ where: { cohortId }, select: { user: { select: { email: true } } } }),
    db.pendingEnrolment.findMany({ where: { cohortId }, select: { email: true } }),
  ]);
  return new Set([...members.map((m) => m.user.email).filter((e): e is string => !!e), ...pending.map((p) => p.email)]);
}

// ---------- invite links ----------

export async function insertCohortInvite(
  db: DbClient,
  invite: { id: string; tokenHash: string; cohortId: string; createdAt: Date; expiresAt: Date; maxUses: number | null },
): Promise<void> {
  await db.cohortInvite.create({ data: invite });
}

export function findCohortInviteByToken(db: DbClient, tokenHash: string) {
  return db.cohortInvite.findUnique({ where: { tokenHash }, include: { cohort: { include: { org: true } } } });
}

export function listCohortInvites(db: DbClient, cohortId: string) {
  return db.cohortInvite.findMany({ where: { cohortId }, orderBy: { createdAt: "desc" } });
}

export async function revokeCohortInvite(db: DbClient, cohortId: string, id: string, now: Date): Promise<number> {
  return (await db.cohortInvite.updateMany({ where: { id, cohortId, revokedAt: null }, data: { revokedAt: now } }))
    .count;
}

/** Counts one use only while the link is valid and not used up. */
export async function useCohortInvite(db: DbClient, id: string, now: Date): Promise<boolean> {
  const invite = await db.cohortInvite.findUnique({ where: { id } });
  if (
    !invite ||
    invite.revokedAt ||
    invite.expiresAt <= now ||
    (invite.maxUses !== null && invite.uses >= invite.maxUses)
  )
    return false;
  const { count } = await db.cohortInvite.updateMany({
    where: { id, uses: invite.uses },
    data: { uses: { increment: 1 } },
  });
  return count === 1;
}

// ---------- pending enrolments and CSV imports ----------

/** The most recent pending enrolments (a CSV can add thousands) and how many there are. */
export async function listPendingEnrolments(db: DbClient, cohortId: string, take: number) {
  const [rows, total] = await Promise.all([
    db.pendingEnrolment.findMany({
      where: { cohortId },
      orderBy: [{ createdAt: "desc" }, { email: "asc" }],
      take,
      select: { email: true, name: true, createdAt: true },
    }),
    db.pendingEnrolment.count({ where: { cohortId } }),
  ]);
  return { rows, total };
}

export function takePendingEnrolments(db: DbClient, email: string) {
  return db.pendingEnrolment.findMany({ where: { email } });
}

export async function deletePendingEnrolments(db: DbClient, email: string): Promise<void> {
  await db.pendingEnrolment.deleteMany({ where: { email } });
}

export async function insertCsvImport(
  db: DbClient,
  row: { id: string; cohortId: string; rows: string; createdAt: Date },
): Promise<void> {
  await db.csvImport.create({ data: row });
}

export function findCsvImport(db: DbClient, id: string, cohortId: string) {
  return db.csvImport.findFirst({ where: { id, cohortId } });
}

export async function pruneCsvImports(db: DbClient, before: Date): Promise<void> {
  await db.csvImport.deleteMany({ where: { createdAt: { lt: before } } });
}

/** Whether the person is on any organisation's team (admins and trainers may preview drafts). */
export async function isOrgStaff(db: DbClient, userId: string): Promise<boolean> {
  return (await db.membership.count({ where: { userId }, take: 1 })) > 0;
}
