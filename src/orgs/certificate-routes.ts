// Organisation admins revoke certificates issued through their cohorts (and only those:
// any other code answers 404, like a code that does not exist).
import { type Request, type Response, Router } from "express";
import { currentUser, requireUser } from "../auth/middleware.js";
import { formatCode, normalizeCode } from "../certificates/codes.js";
import { findCertificateOfOrg } from "../certificates/queries.js";
import { revoke } from "../certificates/revocation.js";
import { revokeSchema } from "../certificates/revoke-schema.js";
import type { AppDeps } from "../deps.js";
import { notFound } from "../web/errors.js";
import { handleForm } from "../web/forms.js";
import { orgAccess } from "./access.js";

export function orgCertificateRoutes(deps: AppDeps): Router {
  const router = Router();
  const certificatePage = async (req: Request, res: Response) => {
    const org = await orgAccess(deps.db, currentUser(res)!, String(req.params.org), "org:manage");
    const code = normalizeCode(String(req.params.code));
    const certificate = code ? await findCertificateOfOrg(deps.db, code, org.org.id) : null;
    if (!certificate) throw notFound();
    const formatted = formatCode(certificate.code);
    return {
      title: res.locals.t("admin.certificates.detail"),
      org: org.org,
      certificate,
      code: formatted,
      back: { href: `/orgs/${org.org.slug}`, label: "orgs.back" },
      revokeAction: `/orgs/${org.org.slug}/certificates/${formatted}/revoke`,
      errors: {},
      values: {},
    };
  };
  router.get("/orgs/:org/certificates/:code", requireUser, async (req, res) =>
    res.render("certificates/manage", await certificatePage(req, res)),
  );
  router.post("/orgs/:org/certificates/:code/revoke", requireUser, async (req, res) => {
    const page = await certificatePage(req, res);
    await handleForm(req, res, revokeSchema, { view: "certificates/manage", data: page }, async (input) => {
      await revoke(deps, page.certificate.code, input.reason);
      res.redirect(303, `/orgs/${page.org.slug}/certificates/${page.code}?notice=certificate-revoked`);
    });
  });

  return router;
}
