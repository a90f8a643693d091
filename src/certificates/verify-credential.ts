// Verifying a certificate credential, in the order that gives the most truthful answer:
// shape, issuer key, signature, then dates, then revocation. Each failure becomes a
// Verdict whose reason a person can read (the public /verify page shows it as is).
import { type CredentialShape, credentialShape, describeShapeError, recipientNameOf } from "./credential-shape.js";
import { DID_CONTEXT, isObject } from "./document-loader.js";
import { checkProof } from "./proofs.js";
import { isRevoked, StatusListError } from "./status-list.js";

export type Verdict =
  | {
      ok: true;
      /** The issuer's DID (the identity the signature proves). */
      issuer: string;
      /** The credential's name, i.e. the course or module. */
      name: string;
      recipientName: string;
      validFrom: string;
      /** False when no status list was given: the certificate may have been revoked since. */
      statusChecked: boolean;
      issuerName: string;
      credentialId: string;
      validUntil?: string;
    }
  | {
      ok: false;
      code: "malformed" | "signature" | "issuer-key" | "not-yet-valid" | "expired" | "revoked" | "status-unavailable";
      reason: string;
    };

export type VerifyOptions = {
  /** The issuer's DID document; null when it could not be obtained. */
  didDocument: Record<string, unknown> | null;
  /**
   * The status list the credential points to. Omitted or null: the verdict can still be
   * ok, with statusChecked false. Given but not genuine or not the right list:
   * "status-unavailable".
   */
  statusListCredential?: Record<string, unknown> | null;
  now?: Date;
  /** Treat a missing status list as a failure ("status-unavailable") instead. */
  requireStatus?: boolean;
};

type Failure = Extract<Verdict, { ok: false }>;

// As in @digitalbazaar/vc: clocks of issuer and verifier may differ by a few minutes.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export async function verifyCredential(credential: unknown, options: VerifyOptions): Promise<Verdict> {
  const parsed = credentialShape.safeParse(credential);
  if (!parsed.success) {
    return {
      ok: false,
      code: "malformed",
      reason: `This is not a valid Sendero certificate: ${describeShapeError(parsed.error)}`,
    };
  }
  const shape = parsed.data;
  const keyProblem = checkIssuerKey(shape, options.didDocument);
  if (keyProblem) return keyProblem;
  const proof = await checkProof(credential as Record<string, unknown>, options.didDocument!);
  if (!proof.ok) return proof;
  const dateProblem = checkDates(shape, options.now ?? new Date());
  if (dateProblem) return dateProblem;
  const status = await checkStatus(shape, options);
  if (status !== "active" && status !== "unchecked") return status;
  return {
    ok: true,
    issuer: shape.issuer.id,
    name: shape.name,
    recipientName: recipientNameOf(shape),
    validFrom: shape.validFrom,
    statusChecked: status === "active",
    issuerName: shape.issuer.name,
    credentialId: shape.id,
    ...(shape.validUntil ? { validUntil: shape.validUntil } : {}),
  };
}

// Checked before the signature so that "this key is not the issuer's" is not reported as
// "altered": the library would fail both the same way.
function checkIssuerKey(shape: CredentialShape, didDocument: Record<string, unknown> | null): Failure | null {
  const issuer = shape.issuer.id;
  const fail = (reason: string): Failure => ({ ok: false, code: "issuer-key", reason });
  if (!didDocument)
    return fail(`The issuer's DID document (${issuer}) could not be obtained, so the signature cannot be checked.`);
  if (didDocument.id !== issuer)
    return fail(
      `The DID document given is for ${String(didDocument.id)}, but the certificate names ${issuer} as its issuer.`,
    );
  if ([didDocument["@context"]].flat()[0] !== DID_CONTEXT) {
    return fail("The issuer's DID document is not a DID document (its first @context must be the DID context).");
  }
  const keyId = shape.proof.verificationMethod;
  const methods = [didDocument.verificationMethod].flat().filter(isObject);
  const listed = methods.some((method) => method.id === keyId || `${issuer}${String(method.id)}` === keyId);
  const assertion = [didDocument.assertionMethod]
    .flat()
    .some((entry) => entry === keyId || (isObject(entry) && entry.id === keyId));
  if (!keyId.startsWith(`${issuer}#`) || !listed || !assertion) {
    return fail(
      `The key that signed this certificate is not one ${shape.issuer.name} (${issuer}) has published for issuing certificates.`,
    );
  }
  return null;
}

function checkDates(shape: CredentialShape, now: Date): Failure | null {
  const validFrom = new Date(shape.validFrom);
  if (now.getTime() < validFrom.getTime() - CLOCK_SKEW_MS) {
    return { ok: false, code: "not-yet-valid", reason: `This certificate only becomes valid on ${shape.validFrom}.` };
  }
  if (shape.validUntil && now.getTime() > new Date(shape.validUntil).getTime() + CLOCK_SKEW_MS) {
    return { ok: false, code: "expired", reason: `This certificate expired on ${shape.validUntil}.` };
  }
  return null;
}

async function checkStatus(shape: CredentialShape, options: VerifyOptions): Promise<"active" | "unchecked" | Failure> {
  const list = options.statusListCredential;
  const unavailable = (why: string): Failure => ({
    ok: false,
    code: "status-unavailable",
    reason: `Could not check whether this certificate was revoked: ${why}`,
  });
  if (!list) return options.requireStatus ? unavailable("the status list was not available.") : "unchecked";
  const entry = shape.credentialStatus;
  if (list.id !== entry.statusListCredential)
    return unavailable(`the status list given is ${String(list.id)}, not ${entry.statusListCredential}.`);
  const listIssuer = isObject(list.issuer) ? list.issuer.id : list.issuer;
  if (listIssuer !== shape.issuer.id)
    return unavailable("the status list was not published by the certificate's issuer.");
  try {
    const revoked = await isRevoked(list, Number(entry.statusListIndex), options.didDocument!, { now: options.now });
    return revoked
      ? { ok: false, code: "revoked", reason: `${shape.issuer.name} has revoked this certificate.` }
      : "active";
  } catch (error) {
    if (error instanceof StatusListError) return unavailable(error.message);
    throw error;
  }
}
