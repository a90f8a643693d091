// Invitation emails say nothing about a course, an organisation or its cause: an inbox is
// often shared, read over someone's shoulder, or handed over. The message only says that
// something waits on this instance; the details are shown after signing in. The one
// exception is a learner who turned discreet mode off (their account says so).
import type { MailMessage } from "./mailer.js";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Someone without an account yet was invited (by an organisation's CSV or by a link to join its staff). */
export function signUpInvitation(
  t: Translate,
  p: { to: string; name: string | null; link: string; instance: string; days?: number },
): MailMessage {
  return {
    to: p.to,
    subject: t("mail.invitation.subject", { instance: p.instance }),
    text: t(p.days ? "mail.invitation.staff" : "mail.invitation.signUp", {
      name: p.name ?? "",
      link: p.link,
      instance: p.instance,
      days: p.days ?? 0,
    }),
  };
}

/** An existing account was added to a group: neutral unless its owner opted in to details. */
export function addedToGroupMail(
  t: Translate,
  p: {
    to: string;
    name: string;
    instance: string;
    baseUrl: string;
    details: { org: string; cohort: string; course: string; courseUrl: string } | null;
  },
): MailMessage {
  if (!p.details)
    return {
      to: p.to,
      subject: t("mail.invitation.subject", { instance: p.instance }),
      text: t("mail.invitation.account", { name: p.name, link: `${p.baseUrl}/account`, instance: p.instance }),
    };
  const params = { ...p.details, name: p.name, link: `${p.baseUrl}${p.details.courseUrl}`, instance: p.instance };
  return {
    to: p.to,
    subject: t("mail.cohortInvite.subject", params),
    text: t("mail.cohortInvite.enrolled", params),
  };
}
