// One-line confirmations after a redirect ("Your password has been changed"), carried
// as `?notice=<name>` from a fixed list, so no text can be injected through the URL.
import type { RequestHandler } from "express";

export const NOTICES = [
  "signed-out",
  "signed-out-everywhere",
  "password-reset",
  "password-changed",
  "profile-saved",
  "email-saved",
  "email-removed",
  "session-revoked",
  "user-disabled",
  "user-enabled",
  "role-saved",
  "lesson-completed",
  "lesson-reopened",
  "exercise-saved",
  "survey-sent",
  "lookup-on",
  "lookup-off",
  "certificate-revoked",
  "org-created",
  "org-saved",
  "invitation-accepted",
  "invitation-revoked",
  "staff-removed",
  "cohort-created",
  "cohort-saved",
  "invite-revoked",
  "join-code-changed",
  "import-done",
  "cohort-joined",
  "cohort-already",
  "cohort-left",
  "account-erased",
  "discreet-on",
  "discreet-off",
  "course-shown",
  "course-hidden",
] as const;
export type Notice = (typeof NOTICES)[number];

export const noticeMiddleware: RequestHandler = (req, res, next) => {
  const notice = req.query.notice;
  if (typeof notice === "string" && (NOTICES as readonly string[]).includes(notice))
    res.locals.notice = `notice.${notice}`;
  next();
};

export function withNotice(path: string, notice: Notice): string {
  return `${path}${path.includes("?") ? "&" : "?"}notice=${notice}`;
}
