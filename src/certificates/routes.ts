// Claiming certificates and module badges, the owner's certificate page, and the files:
// the PDF and the signed credential. A certificate whose owner turned lookup off is
// served only to its owner; to anyone else it does not exist.
import { type Request, type Response, Router } from "express";
import * as z from "zod";
import { currentUser, requireCan } from "../auth/middleware.js";
import type { Course, Module } from "../courses/catalog.js";
import { courseCrumbs, moduleCrumbs } from "../courses/view-models.js";
import type { AppDeps } from "../deps.js";
import { getLocale, SUPPORTED_LOCALES } from "../i18n/i18n.js";
import { notFound } from "../web/errors.js";
import { handleForm } from "../web/forms.js";
import { type ClaimTarget, claimCertificate, eligibility } from "./claim.js";
import { formatCode, normalizeCode } from "./codes.js";
import { STATUS_LIST_PATH } from "./issuer.js";
import { neutralizePdfMetadata, neutralPdfTitle } from "./pdf-metadata.js";
import {
  findActiveCertificate,
  findCertificate,
  findCertificateFile,
  replaceCertificatePdf,
  setLookupAllowed,
  setShowCourse,
} from "./queries.js";

const claimForm = z.object({
  name: z.string({ error: "certificate.name.empty" }).max(1000, "certificate.name.too-long"),
  language: z.enum(SUPPORTED_LOCALES as [string, ...string[]], { error: "form.locale.invalid" }),
  lookupAllowed: z.literal("yes").optional(),
});

export function certificateRoutes(deps: AppDeps): Router {
  const router = Router();
  const track = requireCan("progress:track");

  const target = (req: Request): ClaimTarget & { url: string } => {
    const course = deps.catalog.current.courseById.get(String(req.params.courseId));
    if (course?.status !== "published") throw notFound();
    if (req.params.moduleId === undefined) return { course, module: null, url: `${course.url}/certificate` };
    const module = course.moduleById.get(String(req.params.moduleId));
    if (module?.status !== "published") throw notFound();
    return { course, module, url: `${module.url}/badge` };
  };
  const claimPage = async (req: Request, res: Response) => {
    const t = target(req);
    const user = currentUser(res)!;
    return {
      title: res.locals.t(t.module ? "certificate.claim.badgeTitle" : "certificate.claim.title"),
      ...t,
      crumbs: t.module ? moduleCrumbs(res, t.course, t.module as Module) : courseCrumbs(res, t.course as Course),
      blocked: await eligibility(deps, user.id, t),
      errors: {},
      values: {
        name: user.certificateName ?? user.displayName,
        language: res.locals.locale.code,
        lookupAllowed: "yes",
      },
    };
  };

  for (const base of ["/courses/:courseId/certificate", "/courses/:courseId/:moduleId/badge"]) {
    router.get(base, track, async (req, res) => {
      const t = target(req);
      const existing = await findActiveCertificate(deps.db, currentUser(res)!.id, t.course.id, t.module?.id ?? null);
      if (existing) return res.redirect(303, `/certificates/${formatCode(existing.code)}`);
      res.render("certificates/claim", await claimPage(req, res));
    });

    router.post(base, track, (req, res) =>
      handleForm(
        req,
        res,
        claimForm,
        { view: "certificates/claim", data: () => claimPage(req, res) },
        async (input) => {
          const code = await claimCertificate(deps, currentUser(res)!.id, target(req), {
            name: input.name,
            language: input.language,
            lookupAllowed: input.lookupAllowed === "yes",
          });
          res.redirect(303, `/certificates/${formatCode(code)}`);
        },
      ),
    );
  }

  router.get(STATUS_LIST_PATH, async (_req, res) => {
    const list = await deps.issuer.currentStatusList(deps.db, deps.clock.now());
    res.set("Cache-Control", "public, max-age=300").type("application/vc+ld+json").send(JSON.stringify(list));
  });

  /** The certificate if the visitor may see it: its owner always, others only when lookup is on. */
  const visible = async (req: Request, res: Response) => {
    const code = normalizeCode(String(req.params.code));
    const certificate = code ? await findCertificate(deps.db, code) : null;
    if (!certificate) throw notFound();
    const owner = certificate.userId !== null && currentUser(res)?.id === certificate.userId;
    if (!owner && !certificate.lookupAllowed) throw notFound();
    return { certificate, owner };
  };

  router.get("/certificates/:code.pdf", async (req, res) => {
    const { certificate } = await visible(req, res);
    // An erased learner's certificate keeps no files: only its verdict, "revoked".
    if (certificate.userId === null) throw notFound();
    let pdf = (await findCertificateFile(deps.db, certificate.code, "pdf")) as Uint8Array;
    // Certificates issued before neutral metadata get it on their first download, once.
    const title = neutralPdfTitle(
      getLocale(certificate.language).t("certificate.pdf.code"),
      formatCode(certificate.code),
    );
    const neutral = await neutralizePdfMetadata(pdf, title);
    if (neutral) {
      pdf = neutral;
      await replaceCertificatePdf(deps.db, certificate.code, neutral);
    }
    res
      .type("application/pdf")
      .set("Content-Disposition", `inline; filename="certificate-${formatCode(certificate.code)}.pdf"`)
      .send(Buffer.from(pdf));
  });

  router.get("/certificates/:code.json", async (req, res) => {
    const { certificate } = await visible(req, res);
    if (certificate.userId === null) throw notFound();
    const json = (await findCertificateFile(deps.db, certificate.code, "credential")) as string;
    res
      .type("application/vc+ld+json")
      .set("Content-Disposition", `attachment; filename="credential-${formatCode(certificate.code)}.json"`)
      .send(json);
  });

  router.get("/certificates/:code", async (req, res) => {
    const { certificate, owner } = await visible(req, res);
    if (!owner) return res.redirect(303, `/verify/${formatCode(certificate.code)}`);
    res.render("certificates/certificate", {
      title: certificate.achievementName,
      discreetTitle: res.locals.t("discreet.certificate"),
      certificate,
      code: formatCode(certificate.code),
    });
  });

  router.post("/certificates/:code/lookup", track, async (req, res) => {
    const code = normalizeCode(String(req.params.code));
    const allowed = (req.body as { allowed?: string }).allowed === "yes";
    if (!code || !(await setLookupAllowed(deps.db, code, currentUser(res)!.id, allowed))) throw notFound();
    res.redirect(303, `/certificates/${formatCode(code)}?notice=${allowed ? "lookup-on" : "lookup-off"}`);
  });

  router.post("/certificates/:code/show-course", track, async (req, res) => {
    const code = normalizeCode(String(req.params.code));
    const show = (req.body as { show?: string }).show === "yes";
    if (!code || !(await setShowCourse(deps.db, code, currentUser(res)!.id, show))) throw notFound();
    res.redirect(303, `/certificates/${formatCode(code)}?notice=${show ? "course-shown" : "course-hidden"}`);
  });

  return router;
}
