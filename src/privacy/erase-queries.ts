// Erasing one person, table by table, as registry.ts declares. The only Prisma access
// of the erasure. Runs inside the caller's transaction: all of it happens, or none.
import type { DbClient, Tx } from "../db/client.js";

/** What a revoked tombstone says about why: no name, no story (an admin's reason might have one). */
export const ERASED_REASON = "account erased";
const CSV_PREVIEW_MS = 3600_000;

export type ErasureCounts = { certificatesRevoked: number; cohortsLeft: number };

export function countOtherActiveAdmins(db: DbClient, userId: string): Promise<number> {
  return db.user.count({ where: { platformRole: "admin", disabledAt: null, NOT: { id: userId } } });
}

/** What erasing will touch, for the confirmation page. */
export async function countErasable(db: DbClient, userId: string) {
  const [courses, certificates, cohorts, staff, exercises, attempts] = await Promise.all([
    db.enrolment.count({ where: { userId } }),
    db.certificate.count({ where: { userId, revokedAt: null } }),
    db.cohortMember.count({ where: { userId } }),
    db.membership.count({ where: { userId } }),
    db.exerciseResponse.count({ where: { userId } }),
    db.quizAttempt.count({ where: { userId } }),
  ]);
  return { courses, certificates, cohorts, staff, exercises, attempts };
}

/** Certificates stay as revoked tombstones: verification says "revoked", never the name. */
async function tombstoneCertificates(tx: Tx, userId: string, now: Date): Promise<number> {
  const { count } = await tx.certificate.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  await tx.certificate.updateMany({
    where: { userId },
    data: { userId: null, recipientName: "", credential: "", pdf: Buffer.alloc(0), revokedReason: ERASED_REASON },
  });
  return count;
}

/** Each cohort the person was in counts one departure: staff learn "a learner left", never who. */
async function countDepartures(tx: Tx, userId: string): Promise<number> {
  const seats = await tx.cohortMember.findMany({ where: { userId }, select: { cohortId: true } });
  if (seats.length)
    await tx.cohort.updateMany({
      where: { id: { in: seats.map((s) => s.cohortId) } },
      data: { departures: { increment: 1 } },
    });
  return seats.length;
}

export async function eraseUserRows(
  tx: Tx,
  user: { id: string; email: string | null },
  now: Date,
): Promise<ErasureCounts> {
  const userId = user.id;
  const cohortsLeft = await countDepartures(tx, userId);
  const certificatesRevoked = await tombstoneCertificates(tx, userId, now);
  if (user.email) {
    await tx.pendingEnrolment.deleteMany({ where: { email: user.email } });
    await tx.orgInvitation.deleteMany({ where: { email: user.email } });
  }
  // Explicit rather than left to ON DELETE CASCADE: each table the registry marks "delete".
  await tx.quizAnswer.deleteMany({ where: { attempt: { userId } } });
  await tx.quizAttempt.deleteMany({ where: { userId } });
  await tx.exerciseResponse.deleteMany({ where: { userId } });
  await tx.lessonProgress.deleteMany({ where: { userId } });
  await tx.enrolment.deleteMany({ where: { userId } });
  await tx.surveyParticipation.deleteMany({ where: { userId } });
  await tx.cohortMember.deleteMany({ where: { userId } });
  await tx.cohortTrainer.deleteMany({ where: { userId } });
  await tx.membership.deleteMany({ where: { userId } });
  await tx.session.deleteMany({ where: { userId } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.passwordReset.deleteMany({ where: { userId } });
  await tx.csvImport.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - CSV_PREVIEW_MS) } } });
  await tx.user.delete({ where: { id: userId } });
  return { certificatesRevoked, cohortsLeft };
}

/** The recovery code (hashed) belongs to the person and is unused. */
export async function hasUnusedRecoveryCode(db: DbClient, userId: string, codeHash: string): Promise<boolean> {
  return (await db.recoveryCode.count({ where: { userId, codeHash, usedAt: null } })) > 0;
}
