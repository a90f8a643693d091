// Cohorts: a group of learners following one course, with its trainers, and the three
// ways in — an invite link, a join code, or a CSV of email addresses (enrolment-import.ts).
import { randomUUID } from "node:crypto";
import type { Course } from "../courses/catalog.js";
import type { AppDeps } from "../deps.js";
import { generateSecureRandomString, hashSecretHex } from "../security/random.js";
import { badRequest, HttpError, notFound } from "../web/errors.js";
import { FormError } from "../web/forms.js";
import * as q from "./queries.js";

type Deps = Pick<AppDeps, "db" | "clock" | "catalog" | "env">;
export type CohortInput = {
  name: string;
  slug: string;
  courseId: string;
  startsOn: Date | null;
  endsOn: Date | null;
  capacity: number | null;
  trainerIds: string[];
};

const JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** 8 characters (≈ 40 bits; tries are rate-limited), shown as ABCD-EFGH. */
export function generateJoinCode(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => JOIN_ALPHABET[b % JOIN_ALPHABET.length]).join("");
}

export const formatJoinCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
export const normalizeJoinCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, "");

function publishedCourse(deps: Deps, courseId: string): Course {
  const course = deps.catalog.current.courseById.get(courseId);
  if (course?.status !== "published") throw new FormError({ courseId: "orgs.cohort.courseUnknown" });
  return course;
}

async function checkTrainers({ db }: Deps, orgId: string, trainerIds: readonly string[]): Promise<void> {
  for (const id of trainerIds)
    if (!(await q.findMembershipRole(db, orgId, id))) throw new FormError({ trainerIds: "orgs.cohort.trainerUnknown" });
}

function checkDates(input: Pick<CohortInput, "startsOn" | "endsOn">): void {
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
    throw new FormError({ endsOn: "orgs.cohort.endBeforeStart" });
}

export async function createCohort(deps: Deps, org: q.OrgRecord, input: CohortInput): Promise<q.CohortRecord> {
  publishedCourse(deps, input.courseId);
  checkDates(input);
  await checkTrainers(deps, org.id, input.trainerIds);
  if (await q.isCohortSlugTaken(deps.db, org.id, input.slug)) throw new FormError({ slug: "orgs.cohort.slugTaken" });
  const cohort: q.CohortRecord = {
    id: randomUUID(),
    orgId: org.id,
    slug: input.slug,
    name: input.name,
    courseId: input.courseId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    capacity: input.capacity,
    joinCode: generateJoinCode(),
    createdAt: deps.clock.now(),
  };
  await deps.db.$transaction(async (tx) => {
    await q.insertCohort(tx, cohort);
    await q.replaceCohortTrainers(tx, cohort.id, input.trainerIds);
  });
  return cohort;
}

export async function updateCohort(
  deps: Deps,
  cohort: q.CohortRecord,
  input: Omit<CohortInput, "slug" | "courseId">,
): Promise<void> {
  checkDates(input);
  await checkTrainers(deps, cohort.orgId, input.trainerIds);
  if (input.capacity !== null && input.capacity < (await q.countCohortSeats(deps.db, cohort.id)))
    throw new FormError({ capacity: "orgs.cohort.capacityBelowMembers" });
  await deps.db.$transaction(async (tx) => {
    await q.updateCohort(tx, cohort.id, input);
    await q.replaceCohortTrainers(tx, cohort.id, input.trainerIds);
  });
}

export async function regenerateJoinCode({ db }: Deps, cohort: q.CohortRecord): Promise<void> {
  await q.setJoinCode(db, cohort.id, generateJoinCode());
}

export const inviteUrl = (baseUrl: string, token: string) => `${baseUrl}/join/${token}`;

export async function createInviteLink(
  deps: Deps,
  cohort: q.CohortRecord,
  input: { days: number; maxUses: number | null },
): Promise<string> {
  const token = generateSecureRandomString(32);
  const now = deps.clock.now();
  await q.insertCohortInvite(deps.db, {
    id: randomUUID(),
    tokenHash: hashSecretHex(token),
    cohortId: cohort.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.days * 86_400_000),
    maxUses: input.maxUses,
  });
  return inviteUrl(deps.env.baseUrl, token);
}

export async function revokeInviteLink({ db, clock }: Deps, cohort: q.CohortRecord, id: string): Promise<void> {
  if ((await q.revokeCohortInvite(db, cohort.id, id, clock.now())) === 0) throw notFound();
}

type CohortWithOrg = NonNullable<Awaited<ReturnType<typeof q.findCohortById>>>;

/** Why an invite link cannot be used, as a message key, or null when it can. */
export function inviteProblem(
  invite: { revokedAt: Date | null; expiresAt: Date; maxUses: number | null; uses: number },
  now: Date,
): string | null {
  if (invite.revokedAt) return "orgs.join.revoked";
  if (invite.expiresAt <= now) return "orgs.join.expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "orgs.join.usedUp";
  return null;
}

export async function findInvite(deps: Deps, token: string) {
  const invite = await q.findCohortInviteByToken(deps.db, hashSecretHex(token));
  if (!invite) throw notFound();
  return invite;
}

/** Adds the learner to the cohort (and enrols them in its course). Idempotent for members. */
async function join(
  deps: Deps,
  userId: string,
  cohort: CohortWithOrg,
  via: "link" | "code",
  useInvite?: string,
): Promise<"joined" | "already"> {
  const now = deps.clock.now();
  // One transaction: the seat, the link's use, the membership and the course enrolment.
  return deps.db.$transaction(async (tx) => {
    if (await q.isCohortMember(tx, cohort.id, userId)) return "already" as const;
    if (cohort.capacity !== null && (await q.countCohortSeats(tx, cohort.id)) >= cohort.capacity)
      throw new HttpError(409, "orgs.join.full");
    if (useInvite && !(await q.useCohortInvite(tx, useInvite, now))) throw new HttpError(410, "orgs.join.usedUp");
    await q.insertCohortMember(tx, { cohortId: cohort.id, userId, joinedAt: now, via });
    await q.enrolInCourse(tx, userId, cohort.courseId, now);
    return "joined" as const;
  });
}

export async function joinByInvite(deps: Deps, userId: string, token: string) {
  const invite = await findInvite(deps, token);
  const problem = inviteProblem(invite, deps.clock.now());
  if (problem) throw new HttpError(410, problem);
  return { cohort: invite.cohort, result: await join(deps, userId, invite.cohort, "link", invite.id) };
}

export async function joinByCode(deps: Deps, userId: string, typed: string) {
  const cohort = await q.findCohortByJoinCode(deps.db, normalizeJoinCode(typed));
  if (!cohort) throw new FormError({ code: "orgs.join.codeUnknown" });
  return { cohort, result: await join(deps, userId, cohort, "code") };
}

export async function leaveCohort({ db }: Deps, userId: string, cohortId: string): Promise<void> {
  if ((await q.deleteCohortMember(db, cohortId, userId)) === 0) throw notFound();
}

/** Staff who can train a cohort: the organisation's admins and trainers. */
export function orgStaff({ db }: Deps, org: q.OrgRecord) {
  return q.listStaff(db, org.id);
}

export function assertCourseOf(cohort: q.CohortRecord, deps: Pick<AppDeps, "catalog">): Course {
  const course = deps.catalog.current.courseById.get(cohort.courseId);
  if (!course) throw badRequest("orgs.cohort.courseGone");
  return course;
}
