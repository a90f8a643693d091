// /account: profile, email, password, sessions and recovery codes. Every change is a
// real form; errors re-render the page with the message next to the right form.
import { type Request, type Response, Router } from "express";
import * as z from "zod";
import { currentSession, currentUser, requireUser } from "../auth/middleware.js";
import { changeEmailSchema, changePasswordSchema, confirmPasswordSchema, profileSchema } from "../auth/schemas.js";
import type { AppDeps } from "../deps.js";
import { leaveCohort } from "../orgs/cohort-service.js";
import { privacyRoutes } from "../privacy/routes.js";
import { badRequest } from "../web/errors.js";
import { handleForm } from "../web/forms.js";
import { rememberLanguage } from "../web/language-routes.js";
import { withNotice } from "../web/notice.js";
import * as account from "./service.js";

const leaveForm = z.object({ confirm: z.literal("yes", { error: "account.cohorts.confirmRequired" }) });
const codesDownload = z.object({
  codes: z
    .array(z.string().regex(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/))
    .min(1)
    .max(20),
});

export function accountRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use("/account", requireUser);
  router.use(privacyRoutes(deps));
  const userId = (res: Response) => currentUser(res)!.id;

  const overview = async (res: Response, activeForm?: string) => ({
    title: res.locals.t("account.title"),
    courseTitle: (id: string) => deps.catalog.current.courseById.get(id)?.title ?? id,
    ...(await account.accountOverview(deps, userId(res))),
    currentSessionId: currentSession(res)!.id,
    activeForm,
    errors: {},
    values: {},
  });
  const form = (res: Response, activeForm: string) => ({
    view: "account/index",
    data: () => overview(res, activeForm),
  });
  const showCodes = (res: Response, codes: string[]) =>
    res.render("auth/recovery-codes", {
      title: res.locals.t("auth.recoveryCodes.title"),
      codes,
      next: "/account",
      fresh: false,
    });

  router.get("/account", async (_req, res) => res.render("account/index", await overview(res)));

  router.post("/account/profile", (req, res) =>
    handleForm(req, res, profileSchema, form(res, "profile"), async (input) => {
      await account.updateProfile(deps, userId(res), input);
      rememberLanguage(res, input.locale, deps.env.baseUrl.startsWith("https:"));
      res.redirect(303, withNotice("/account", "profile-saved"));
    }),
  );

  router.post("/account/email", (req, res) =>
    handleForm(req, res, changeEmailSchema, form(res, "email"), async (input) => {
      await account.changeEmail(deps, userId(res), input);
      res.redirect(303, withNotice("/account", "email-saved"));
    }),
  );

  router.post("/account/email/remove", (req, res) =>
    handleForm(req, res, confirmPasswordSchema, form(res, "email-remove"), async (input) => {
      const codes = await account.removeEmail(deps, userId(res), input);
      if (codes) return showCodes(res, codes);
      res.redirect(303, withNotice("/account", "email-removed"));
    }),
  );

  router.post("/account/password", (req, res) =>
    handleForm(req, res, changePasswordSchema, form(res, "password"), async (input) => {
      await account.changePassword(deps, userId(res), currentSession(res)!.id, input);
      res.redirect(303, withNotice("/account", "password-changed"));
    }),
  );

  router.post("/account/recovery-codes", (req, res) =>
    handleForm(req, res, confirmPasswordSchema, form(res, "recovery-codes"), async (input) => {
      showCodes(res, await account.regenerateRecoveryCodes(deps, userId(res), input));
    }),
  );

  // The codes page posts its codes back so they can be saved as a file without
  // JavaScript; only well-formed codes are echoed, and only to their signed-in owner.
  router.post("/account/recovery-codes.txt", (req: Request, res) => {
    const body = req.body as Record<string, unknown>;
    const parsed = codesDownload.safeParse({ codes: ([] as unknown[]).concat(body.codes ?? []) });
    if (!parsed.success) throw badRequest("error.400.message");
    const t = res.locals.t as (key: string, params?: Record<string, string>) => string;
    const text = `${t("auth.recoveryCodes.fileHeading", { instance: deps.env.instanceName, username: currentUser(res)!.username })}\n\n${parsed.data.codes.join("\n")}\n`;
    res.attachment("recovery-codes.txt").type("text/plain; charset=utf-8").send(text);
  });

  router.post("/account/cohorts/:cohortId/leave", (req, res) =>
    handleForm(req, res, leaveForm, form(res, `leave-${req.params.cohortId}`), async () => {
      await leaveCohort(deps, userId(res), String(req.params.cohortId));
      res.redirect(303, withNotice("/account", "cohort-left"));
    }),
  );

  router.post("/account/sessions/:sessionId/revoke", async (req, res) => {
    await account.revokeSession(deps, userId(res), String(req.params.sessionId));
    res.redirect(303, withNotice("/account", "session-revoked"));
  });

  return router;
}
