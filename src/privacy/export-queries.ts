// Reads everything Sendero holds about one person, for their export. The only Prisma
// access of the export; callers run it inside one transaction so the export is one
// consistent moment (never half before and half after an erasure).
import type { Tx } from "../db/client.js";

export async function readPersonalRows(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) return null;
  const email = user.email;
  // One after another: inside an interactive transaction queries run in order anyway.
  const [
    recoveryCodes,
    passwordResets,
    sessions,
    enrolments,
    lessonProgress,
    quizAttempts,
    exercises,
    surveys,
    certificates,
    cohorts,
    staff,
    trainerOf,
  ] = [
    await tx.recoveryCode.findMany({ where: { userId }, select: { usedAt: true, createdAt: true } }),
    await tx.passwordReset.findMany({
      where: { userId },
      select: { createdAt: true, expiresAt: true, usedAt: true },
      orderBy: { createdAt: "asc" },
    }),
    await tx.session.findMany({
      where: { userId },
      select: { browser: true, createdAt: true, lastUsedAt: true },
      orderBy: { createdAt: "asc" },
    }),
    await tx.enrolment.findMany({ where: { userId }, orderBy: { enrolledAt: "asc" } }),
    await tx.lessonProgress.findMany({ where: { userId }, orderBy: { completedAt: "asc" } }),
    await tx.quizAttempt.findMany({
      where: { userId },
      include: { answers: { orderBy: { answeredAt: "asc" } } },
      orderBy: [{ courseId: "asc" }, { moduleId: "asc" }, { quizId: "asc" }, { number: "asc" }],
    }),
    await tx.exerciseResponse.findMany({ where: { userId }, orderBy: { updatedAt: "asc" } }),
    await tx.surveyParticipation.findMany({ where: { userId } }),
    await tx.certificate.findMany({ where: { userId }, orderBy: { issuedAt: "asc" } }),
    await tx.cohortMember.findMany({
      where: { userId },
      include: { cohort: { select: { name: true, courseId: true, org: { select: { name: true } } } } },
    }),
    await tx.membership.findMany({ where: { userId }, include: { org: { select: { name: true } } } }),
    await tx.cohortTrainer.findMany({
      where: { userId },
      include: { cohort: { select: { name: true, courseId: true, org: { select: { name: true } } } } },
    }),
  ];
  // Invitations are addressed to an email address, not to an account.
  const [cohortPlaces, staffInvitations] = email
    ? [
        await tx.pendingEnrolment.findMany({
          where: { email },
          include: { cohort: { select: { name: true, courseId: true, org: { select: { name: true } } } } },
        }),
        await tx.orgInvitation.findMany({ where: { email }, include: { org: { select: { name: true } } } }),
      ]
    : [[], []];
  return {
    user,
    recoveryCodes,
    passwordResets,
    sessions,
    enrolments,
    lessonProgress,
    quizAttempts,
    exercises,
    surveys,
    certificates,
    cohorts,
    staff,
    trainerOf,
    cohortPlaces,
    staffInvitations,
  };
}

export type PersonalRows = NonNullable<Awaited<ReturnType<typeof readPersonalRows>>>;
