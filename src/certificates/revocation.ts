// Revoking a certificate: verification then says "revoked" with the date, and the status
// list that offline verifiers check flips its bit.
import type { AppDeps } from "../deps.js";
import { notFound } from "../web/errors.js";
import { normalizeCode } from "./codes.js";
import { findCertificate, revokeCertificate } from "./queries.js";

export async function revoke(
  deps: Pick<AppDeps, "db" | "clock" | "issuer">,
  typedCode: string,
  reason: string,
): Promise<void> {
  const code = normalizeCode(typedCode);
  const certificate = code ? await findCertificate(deps.db, code) : null;
  if (!certificate) throw notFound();
  if (await revokeCertificate(deps.db, certificate.code, reason, deps.clock.now())) deps.issuer.statusListChanged();
}
