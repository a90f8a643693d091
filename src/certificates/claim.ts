// Claiming a certificate (course) or badge (module) once its completion rules hold: the
// learner confirms the printed name and its language; we record the content version,
// completion date and issuer, make the PDF and the signed credential, and keep both.
import type { Course, Module } from "../courses/catalog.js";
import type { AppDeps } from "../deps.js";
import { getLocale } from "../i18n/i18n.js";
import { loadProgress } from "../learning/service.js";
import { findMemberCohortForCourse } from "../orgs/queries.js";
import { conflict, forbidden } from "../web/errors.js";
import { FormError } from "../web/forms.js";
import { achievementTextIn, achievementTexts } from "./achievement-text.js";
import { formatCode, generateCertificateCode } from "./codes.js";
import { issueCredential } from "./credential.js";
import { CertificateNameError } from "./errors.js";
import { renderCertificatePdf } from "./pdf.js";
import { printableName } from "./printable.js";
import { findActiveCertificate, insertCertificate, lastProgressAt, usedStatusIndexes } from "./queries.js";
import { pickStatusIndex } from "./status-list.js";

type Deps = Pick<AppDeps, "db" | "clock" | "issuer" | "env">;
export type ClaimTarget = { course: Course; module: Module | null };
export type ClaimInput = { name: string; language: string; lookupAllowed: boolean };

export const verifyUrl = (baseUrl: string, code: string) => `${baseUrl}/verify/${formatCode(code)}`;

/** Why a certificate cannot be claimed yet, or null when it can. */
export async function eligibility(
  deps: Deps,
  userId: string,
  { course, module }: ClaimTarget,
): Promise<"disabled" | "incomplete" | null> {
  if (module ? !module.badge : !course.certificate.enabled) return "disabled";
  const progress = await loadProgress(deps, userId, course);
  const complete = module ? progress.byModule.get(module.id)?.complete : progress.complete;
  return complete ? null : "incomplete";
}

export async function claimCertificate(
  deps: Deps,
  userId: string,
  target: ClaimTarget,
  input: ClaimInput,
): Promise<string> {
  const reason = await eligibility(deps, userId, target);
  if (reason === "disabled") throw forbidden("certificate.claim.disabled");
  if (reason === "incomplete") throw forbidden("certificate.claim.incomplete");
  const { course, module } = target;
  if (await findActiveCertificate(deps.db, userId, course.id, module?.id ?? null))
    throw conflict("certificate.claim.already");

  let recipientName: string;
  try {
    recipientName = printableName(input.name);
  } catch (error) {
    if (error instanceof CertificateNameError) throw new FormError({ name: error.messageKey });
    throw error;
  }
  const now = deps.clock.now();
  const code = generateCertificateCode();
  const locale = getLocale(input.language);
  // Printed in the certificate's language; the credential carries every language there is.
  const text = achievementTextIn(course, module, locale.code);
  const achievementName = text.name;
  const completedAt = (await lastProgressAt(deps.db, userId, course.id, module?.id ?? null)) ?? now;
  const { issuer, env } = deps;
  const statusIndex = pickStatusIndex(await usedStatusIndexes(deps.db));
  // Issued "through" the learner's cohort, if any: its organisation's admins may revoke it.
  const cohortId = await findMemberCohortForCourse(deps.db, userId, course.id);

  const credential = await issueCredential(
    {
      credentialId: `${env.baseUrl}/certificates/${formatCode(code)}.json`,
      issuerName: issuer.name,
      issuerUrl: env.baseUrl,
      recipientName,
      achievement: {
        id: `${env.baseUrl}${module ? module.url : course.url}#v${course.version}`,
        name: achievementName,
        description: text.description,
        criteria: module
          ? locale.t("certificate.criteria.module", { module: text.moduleTitle ?? "", course: text.courseTitle })
          : locale.t("certificate.criteria.course", { course: text.courseTitle }),
        kind: module ? "module" : "course",
        language: text.language,
        translations: Object.fromEntries(
          achievementTexts(course, module).map((t) => [t.language, { name: t.name, description: t.description }]),
        ),
      },
      validFrom: now,
      status: { listUrl: issuer.statusListUrl, index: statusIndex },
    },
    issuer.key,
  );
  const pdf = await renderCertificatePdf({
    name: recipientName,
    courseTitle: text.moduleTitle ? `${text.moduleTitle} — ${text.courseTitle}` : text.courseTitle,
    completedOn: completedAt,
    dateText: locale.formatDate(completedAt),
    issuerName: issuer.name,
    code: formatCode(code),
    verifyUrl: verifyUrl(env.baseUrl, code),
    language: locale.code,
    labels: {
      heading: module ? locale.t("certificate.pdf.badgeHeading") : achievementName,
      presentedTo: locale.t("certificate.pdf.presentedTo"),
      forCompleting: locale.t(module ? "certificate.pdf.forModule" : "certificate.pdf.forCourse"),
      completedOn: locale.t("certificate.pdf.completedOn"),
      issuedBy: locale.t("certificate.pdf.issuedBy"),
      verifyAt: locale.t("certificate.pdf.verifyAt"),
      codeLabel: locale.t("certificate.pdf.code"),
    },
  });
  await deps.db.$transaction(async (tx) => {
    // Re-checked in the transaction: two claims at once make one certificate.
    if (await findActiveCertificate(tx, userId, course.id, module?.id ?? null))
      throw conflict("certificate.claim.already");
    await insertCertificate(tx, {
      code,
      userId,
      courseId: course.id,
      moduleId: module?.id ?? null,
      achievementName,
      courseTitle: text.courseTitle,
      contentVersion: course.version,
      recipientName,
      language: locale.code,
      issuerName: issuer.name,
      completedAt,
      issuedAt: now,
      lookupAllowed: input.lookupAllowed,
      statusIndex,
      cohortId,
      credential: JSON.stringify(credential),
      pdf,
    });
  });
  return code;
}
