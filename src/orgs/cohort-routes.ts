// A cohort: its dashboard and CSV export (admins and its trainers), trainer insight, and
// its settings (admins): details and trainers, invite links, join code, CSV enrolment.
import { type Request, type Response, Router } from "express";
import { currentUser, requireUser } from "../auth/middleware.js";
import type { AppDeps } from "../deps.js";
import { badRequest } from "../web/errors.js";
import { handleForm } from "../web/forms.js";
import { isMultipart, readUpload } from "../web/uploads.js";
import { type CohortAccess, cohortAccess, orgAccess } from "./access.js";
import {
  assertCourseOf,
  createInviteLink,
  formatJoinCode,
  orgStaff,
  regenerateJoinCode,
  revokeInviteLink,
  updateCohort,
} from "./cohort-service.js";
import { dashboardCsv, dashboardPage } from "./dashboard-page.js";
import { confirmImport, previewImport } from "./enrolment-import.js";
import { answerLabel, quizInsight, surveyInsight } from "./insight.js";
import { MIN_LEARNERS } from "./item-stats.js";
import { listCohortInvites, listCohortTrainers, listPendingEnrolments } from "./queries.js";
import { dashboardQuerySchema, importResultSchema, inviteLinkSchema, updateCohortSchema } from "./schemas.js";

const MAX_CSV_BYTES = 2 * 1024 * 1024;
const PENDING_SHOWN = 100;

export function cohortRoutes(deps: AppDeps): Router {
  const router = Router();
  const base = "/orgs/:org/cohorts/:cohort";
  const access = async (
    req: Request,
    res: Response,
    action: "cohort:view" | "cohort:manage" = "cohort:view",
  ): Promise<CohortAccess> => {
    const org = await orgAccess(deps.db, currentUser(res)!, String(req.params.org));
    return cohortAccess(deps.db, org, String(req.params.cohort), action);
  };
  const url = (a: CohortAccess) => `/orgs/${a.org.slug}/cohorts/${a.cohort.slug}`;

  router.get(base, requireUser, async (req, res) => {
    const a = await access(req, res);
    res.render("orgs/dashboard", await dashboardPage(deps, res, a, dashboardQuerySchema.parse(req.query)));
  });

  router.get(`${base}/export.csv`, requireUser, async (req, res) => {
    const a = await access(req, res);
    const csv = await dashboardCsv(deps, res.locals.t, a, dashboardQuerySchema.parse(req.query));
    res.type("text/csv; charset=utf-8").attachment(`${a.org.slug}-${a.cohort.slug}.csv`).send(csv);
  });

  router.get(`${base}/insight`, requireUser, async (req, res) => {
    const a = await access(req, res);
    const course = assertCourseOf(a.cohort, deps);
    const [quizzes, surveys] = await Promise.all([
      quizInsight(deps, a.cohort.id, course),
      surveyInsight(deps, a.cohort.id, course),
    ]);
    const locale = res.locals.locale.code as string;
    res.render("orgs/insight", {
      title: res.locals.t("orgs.insight.title"),
      ...a,
      course,
      quizzes,
      surveys,
      url: url(a),
      answerLabel,
      minLearners: MIN_LEARNERS,
      percent: new Intl.NumberFormat(locale, { style: "percent" }).format,
      decimal: new Intl.NumberFormat(locale, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        signDisplay: "negative",
      }).format,
    });
  });

  // ---------- settings (organisation admins) ----------
  const settings = async (res: Response, a: CohortAccess, extra: Record<string, unknown> = {}) => {
    const [trainers, staff, invites, pending] = await Promise.all([
      listCohortTrainers(deps.db, a.cohort.id),
      orgStaff(deps, a.org),
      listCohortInvites(deps.db, a.cohort.id),
      listPendingEnrolments(deps.db, a.cohort.id, PENDING_SHOWN),
    ]);
    return {
      title: res.locals.t("orgs.settings.title"),
      ...a,
      course: deps.catalog.current.courseById.get(a.cohort.courseId),
      url: url(a),
      joinCode: formatJoinCode(a.cohort.joinCode),
      joinUrl: `${deps.env.baseUrl}/join`,
      trainerIds: trainers.map((t) => t.userId),
      staff,
      invites,
      pending,
      now: deps.clock.now(),
      errors: {},
      values: {},
      activeForm: undefined,
      ...extra,
    };
  };
  const settingsForm = (req: Request, res: Response, activeForm: string) => ({
    view: "orgs/settings",
    data: async () => settings(res, await access(req, res, "cohort:manage"), { activeForm }),
  });

  router.get(`${base}/settings`, requireUser, async (req, res) => {
    const imported = importResultSchema.safeParse(req.query);
    res.render(
      "orgs/settings",
      await settings(res, await access(req, res, "cohort:manage"), {
        imported: imported.success ? imported.data : undefined,
      }),
    );
  });

  router.post(`${base}/settings`, requireUser, async (req, res) => {
    const a = await access(req, res, "cohort:manage");
    await handleForm(req, res, updateCohortSchema, settingsForm(req, res, "details"), async (input) => {
      await updateCohort(deps, a.cohort, input);
      res.redirect(303, `${url(a)}/settings?notice=cohort-saved`);
    });
  });

  router.post(`${base}/invites`, requireUser, async (req, res) => {
    const a = await access(req, res, "cohort:manage");
    await handleForm(req, res, inviteLinkSchema, settingsForm(req, res, "invite"), async (input) => {
      const link = await createInviteLink(deps, a.cohort, input);
      res.render("orgs/settings", await settings(res, a, { newInviteLink: link }));
    });
  });

  router.post(`${base}/invites/:id/revoke`, requireUser, async (req, res) => {
    const a = await access(req, res, "cohort:manage");
    await revokeInviteLink(deps, a.cohort, String(req.params.id));
    res.redirect(303, `${url(a)}/settings?notice=invite-revoked`);
  });

  router.post(`${base}/join-code`, requireUser, async (req, res) => {
    const a = await access(req, res, "cohort:manage");
    await regenerateJoinCode(deps, a.cohort);
    res.redirect(303, `${url(a)}/settings?notice=join-code-changed`);
  });

  router.post(`${base}/import`, requireUser, async (req, res) => {
    const a = await access(req, res, "cohort:manage");
    if (!isMultipart(req)) throw badRequest("csv.file.missing");
    const upload = await readUpload(req, { maxFileBytes: MAX_CSV_BYTES, fileField: "file" });
    if (!upload.file)
      return res
        .status(422)
        .render(
          "orgs/settings",
          await settings(res, a, { activeForm: "import", errors: { file: "csv.file.missing" } }),
        );
    const preview = await previewImport(deps, a.cohort, upload.file.bytes);
    res.status(preview.importId ? 200 : 422).render("orgs/import-preview", {
      title: res.locals.t("orgs.import.title"),
      ...a,
      url: url(a),
      preview,
      fileName: upload.file.name,
    });
  });

  router.post(`${base}/import/:id`, requireUser, async (req, res) => {
    const a = await access(req, res, "cohort:manage");
    const result = await confirmImport(deps, { ...a.cohort, orgName: a.org.name }, String(req.params.id));
    res.redirect(303, `${url(a)}/settings?notice=import-done&enrolled=${result.enrolled}&pending=${result.pending}`);
  });

  return router;
}
