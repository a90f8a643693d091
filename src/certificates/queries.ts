// The only place certificates touch the database.
import type { Db, DbClient } from "../db/client.js";

export type CertificateRecord = {
  code: string;
  /** null once the learner erased their account: a revoked tombstone (src/privacy/erase.ts). */
  userId: string | null;
  courseId: string;
  moduleId: string | null;
  achievementName: string;
  courseTitle: string;
  contentVersion: string;
  recipientName: string;
  language: string;
  issuerName: string;
  completedAt: Date;
  issuedAt: Date;
  lookupAllowed: boolean;
  showCourse: boolean;
  statusIndex: number;
  revokedAt: Date | null;
  revokedReason: string | null;
};

const summary = {
  code: true,
  userId: true,
  courseId: true,
  moduleId: true,
  achievementName: true,
  courseTitle: true,
  contentVersion: true,
  recipientName: true,
  language: true,
  issuerName: true,
  completedAt: true,
  issuedAt: true,
  lookupAllowed: true,
  showCourse: true,
  statusIndex: true,
  revokedAt: true,
  revokedReason: true,
} as const;

export function findCertificate(db: DbClient, code: string): Promise<CertificateRecord | null> {
  return db.certificate.findUnique({ where: { code }, select: summary });
}

export async function findCertificateFile(
  db: DbClient,
  code: string,
  file: "pdf" | "credential",
): Promise<Uint8Array | string | null> {
  const row = await db.certificate.findUnique({
    where: { code },
    select: { pdf: file === "pdf", credential: file === "credential" },
  });
  if (!row) return null;
  return file === "pdf" ? (row.pdf as Uint8Array) : (row.credential as string);
}

/** Replaces a stored PDF by the same certificate with neutral metadata (pdf-metadata.ts). */
export async function replaceCertificatePdf(db: DbClient, code: string, pdf: Uint8Array): Promise<void> {
  await db.certificate.update({ where: { code }, data: { pdf: Buffer.from(pdf) } });
}

/** The learner's current (not revoked) certificate for a course, or badge for a module. */
export function findActiveCertificate(
  db: DbClient,
  userId: string,
  courseId: string,
  moduleId: string | null,
): Promise<CertificateRecord | null> {
  return db.certificate.findFirst({ where: { userId, courseId, moduleId, revokedAt: null }, select: summary });
}

export function listUserCertificates(db: DbClient, userId: string): Promise<CertificateRecord[]> {
  return db.certificate.findMany({ where: { userId }, orderBy: { issuedAt: "desc" }, select: summary });
}

export async function usedStatusIndexes(db: DbClient): Promise<Set<number>> {
  return new Set((await db.certificate.findMany({ select: { statusIndex: true } })).map((r) => r.statusIndex));
}

export async function revokedStatusIndexes(db: DbClient): Promise<number[]> {
  return (await db.certificate.findMany({ where: { NOT: { revokedAt: null } }, select: { statusIndex: true } })).map(
    (r) => r.statusIndex,
  );
}

export type NewCertificate = Omit<CertificateRecord, "revokedAt" | "revokedReason" | "lookupAllowed" | "showCourse"> & {
  lookupAllowed: boolean;
  credential: string;
  pdf: Uint8Array;
  cohortId: string | null;
};

/** A certificate issued through one of an organisation's cohorts, or null (as if it did not exist). */
export async function findCertificateOfOrg(
  db: DbClient,
  code: string,
  orgId: string,
): Promise<CertificateRecord | null> {
  const row = await db.certificate.findUnique({ where: { code }, select: { ...summary, cohortId: true } });
  if (!row?.cohortId) return null;
  const cohort = await db.cohort.findUnique({ where: { id: row.cohortId }, select: { orgId: true } });
  return cohort?.orgId === orgId ? row : null;
}

export async function insertCertificate(db: DbClient, certificate: NewCertificate): Promise<void> {
  await db.certificate.create({ data: { ...certificate, pdf: Buffer.from(certificate.pdf) } });
}

export async function revokeCertificate(db: DbClient, code: string, reason: string, now: Date): Promise<boolean> {
  const { count } = await db.certificate.updateMany({
    where: { code, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count === 1;
}

export async function setLookupAllowed(db: DbClient, code: string, userId: string, allowed: boolean): Promise<boolean> {
  const { count } = await db.certificate.updateMany({ where: { code, userId }, data: { lookupAllowed: allowed } });
  return count === 1;
}

/** Whether the public verification page names the course; only the owner may change it. */
export async function setShowCourse(db: DbClient, code: string, userId: string, show: boolean): Promise<boolean> {
  const { count } = await db.certificate.updateMany({ where: { code, userId }, data: { showCourse: show } });
  return count === 1;
}

/** The moment the learner's progress in a course (or one module) last moved: the completion date. */
export async function lastProgressAt(
  db: Db,
  userId: string,
  courseId: string,
  moduleId: string | null,
): Promise<Date | null> {
  const scope = { userId, courseId, ...(moduleId ? { moduleId } : {}) };
  const [lesson, attempt, exercise] = await Promise.all([
    db.lessonProgress.aggregate({ where: scope, _max: { completedAt: true } }),
    db.quizAttempt.aggregate({ where: { ...scope, passed: true }, _max: { submittedAt: true } }),
    db.exerciseResponse.aggregate({ where: scope, _max: { updatedAt: true } }),
  ]);
  const dates = [lesson._max.completedAt, attempt._max.submittedAt, exercise._max.updatedAt].filter(
    (d): d is Date => d instanceof Date,
  );
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
}

export async function searchCertificates(
  db: DbClient,
  query: string,
  page: number,
  pageSize: number,
): Promise<{ certificates: CertificateRecord[]; total: number }> {
  const q = query.trim();
  const code = q.toLowerCase().replace(/[\s-]/g, "");
  const where = q
    ? { OR: [{ code: { contains: code } }, { recipientName: { contains: q } }, { courseTitle: { contains: q } }] }
    : {};
  const [certificates, total] = await Promise.all([
    db.certificate.findMany({
      where,
      orderBy: { issuedAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: summary,
    }),
    db.certificate.count({ where }),
  ]);
  return { certificates, total };
}
