// /admin/certificates: find any certificate and revoke it, with a reason.
import { type Request, type Response, Router } from "express";
import * as z from "zod";
import { requireCan } from "../auth/middleware.js";
import { formatCode, normalizeCode } from "../certificates/codes.js";
import { findCertificate, searchCertificates } from "../certificates/queries.js";
import { revoke } from "../certificates/revocation.js";
import { revokeSchema } from "../certificates/revoke-schema.js";
import type { AppDeps } from "../deps.js";
import { notFound } from "../web/errors.js";
import { handleForm } from "../web/forms.js";

const PAGE_SIZE = 25;
const listQuery = z.object({
  q: z.string().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function adminCertificateRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use("/admin/certificates", requireCan("certificates:revoke"));

  const detail = async (req: Request, res: Response) => {
    const code = normalizeCode(String(req.params.code));
    const certificate = code ? await findCertificate(deps.db, code) : null;
    if (!certificate) throw notFound();
    return {
      title: res.locals.t("admin.certificates.detail"),
      certificate,
      code: formatCode(certificate.code),
      back: { href: "/admin/certificates", label: "admin.certificates.back" },
      revokeAction: `/admin/certificates/${formatCode(certificate.code)}/revoke`,
      errors: {},
      values: {},
    };
  };

  router.get("/admin/certificates", async (req, res) => {
    const { q, page } = listQuery.parse(req.query);
    const { certificates, total } = await searchCertificates(deps.db, q, page, PAGE_SIZE);
    res.render("admin/certificates", {
      title: res.locals.t("admin.certificates.title"),
      q,
      page,
      total,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      certificates,
      formatCode,
    });
  });

  router.get("/admin/certificates/:code", async (req, res) =>
    res.render("certificates/manage", await detail(req, res)),
  );

  router.post("/admin/certificates/:code/revoke", (req, res) =>
    handleForm(req, res, revokeSchema, { view: "certificates/manage", data: () => detail(req, res) }, async (input) => {
      await revoke(deps, String(req.params.code), input.reason);
      res.redirect(303, `/admin/certificates/${req.params.code}?notice=certificate-revoked`);
    }),
  );

  return router;
}
