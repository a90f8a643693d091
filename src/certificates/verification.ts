// What anyone may learn about a certificate: valid, revoked (and when), or unknown —
// with only what the certificate itself shows. A certificate whose owner turned lookup
// off answers exactly like one that does not exist.
import type { AppDeps } from "../deps.js";
import { normalizeCode } from "./codes.js";
import { type Verdict, verifyCredential } from "./credential.js";
import { type CertificateRecord, findCertificate } from "./queries.js";

export type Lookup =
  | { status: "unknown" }
  | {
      status: "valid" | "revoked";
      certificate: Pick<CertificateRecord, "code" | "recipientName" | "completedAt" | "issuerName" | "revokedAt"> & {
        /** null unless the holder chose to name the course here (it is in the signed credential anyway). */
        achievementName: string | null;
        courseTitle: string | null;
        moduleId: string | null;
      };
    };

export async function lookupCertificate({ db }: Pick<AppDeps, "db">, typed: string): Promise<Lookup> {
  const code = normalizeCode(typed);
  const found = code ? await findCertificate(db, code) : null;
  if (!found?.lookupAllowed) return { status: "unknown" };
  const { recipientName, achievementName, courseTitle, completedAt, issuerName, revokedAt, moduleId } = found;
  return {
    status: revokedAt ? "revoked" : "valid",
    certificate: {
      code: found.code,
      recipientName,
      achievementName: found.showCourse ? achievementName : null,
      courseTitle: found.showCourse ? courseTitle : null,
      completedAt,
      issuerName,
      revokedAt,
      moduleId: found.showCourse ? moduleId : null,
    },
  };
}

/** A pasted or uploaded credential, checked with this instance's key and current status list. */
export async function verifyPastedCredential(
  { db, issuer, clock }: Pick<AppDeps, "db" | "issuer" | "clock">,
  text: string,
): Promise<Verdict> {
  let credential: unknown;
  try {
    credential = JSON.parse(text);
  } catch {
    return { ok: false, code: "malformed", reason: "This is not a credential file: it is not valid JSON." };
  }
  const issuerId = (credential as { issuer?: { id?: unknown } | string })?.issuer;
  const did = typeof issuerId === "string" ? issuerId : issuerId?.id;
  if (did !== issuer.key.did) {
    return {
      ok: false,
      code: "issuer-key",
      reason: `This credential was not issued by this site (${issuer.key.did}). Check it with its own issuer, or offline with \`npm run verify-credential\`.`,
    };
  }
  return verifyCredential(credential, {
    didDocument: issuer.didDocument,
    statusListCredential: await issuer.currentStatusList(db, clock.now()),
    now: clock.now(),
  });
}
