// Public verification, no sign-in needed and rate-limited: type a code (or follow the QR
// code) and see valid / revoked / unknown; or paste or upload a credential file to check
// its signature. Also this instance's DID document, for offline verifiers.
import { type Request, type Response, Router } from "express";
import type { AppDeps } from "../deps.js";
import { isMultipart, readUpload } from "../web/uploads.js";
import { formatCode, normalizeCode } from "./codes.js";
import { lookupCertificate, verifyPastedCredential } from "./verification.js";

const MAX_CREDENTIAL_BYTES = 64 * 1024;

export function verifyRoutes(deps: AppDeps): Router {
  const router = Router();
  const limit = (req: Request) => deps.rateLimiter.takeToken("verify", req.ip ?? "unknown");
  const form = (res: Response, extra: Record<string, unknown> = {}) => ({
    title: res.locals.t("verify.title"),
    values: {},
    errors: {},
    ...extra,
  });

  router.get(["/.well-known/did.json", "/did.json"], (_req, res) => {
    res
      .set("Cache-Control", "public, max-age=3600")
      .type("application/did+json")
      .send(JSON.stringify(deps.issuer.didDocument));
  });

  router.get("/verify", (_req, res) => res.render("certificates/verify", form(res)));

  router.post("/verify", async (req, res) => {
    await limit(req);
    // Without a body, or with one of another type, req.body is undefined; a field sent
    // twice is an array: both read as empty.
    const body = isMultipart(req)
      ? await readUpload(req, { maxFileBytes: MAX_CREDENTIAL_BYTES, fileField: "file" })
      : { fields: (req.body ?? {}) as Record<string, unknown>, file: null };
    const text = (name: string) => {
      const value = body.fields[name];
      return typeof value === "string" ? value.trim() : "";
    };
    const credential = body.file ? body.file.bytes.toString("utf8") : text("credential");
    if (credential) {
      const verdict = await verifyPastedCredential(deps, credential);
      return res.status(verdict.ok ? 200 : 422).render("certificates/credential-verdict", form(res, { verdict }));
    }
    const typed = text("code");
    const code = normalizeCode(typed);
    if (!code)
      return res.status(422).render(
        "certificates/verify",
        form(res, {
          values: { code: typed },
          errors: { code: typed ? "verify.code.invalid" : "verify.code.required" },
        }),
      );
    res.redirect(303, `/verify/${formatCode(code)}`);
  });

  router.get("/verify/:code", async (req, res) => {
    await limit(req);
    const lookup = await lookupCertificate(deps, String(req.params.code));
    res.status(lookup.status === "unknown" ? 404 : 200).render("certificates/verdict", {
      title: res.locals.t(`verify.status.${lookup.status}`),
      lookup,
      code: String(req.params.code),
    });
  });

  return router;
}
