// Data Integrity proofs (cryptosuite eddsa-rdfc-2022) through Digital Bazaar's libraries:
// the document is canonicalised as RDF (in "safe mode", so an unknown property is an
// error rather than silently unsigned) and signed with the issuer's Ed25519 key.

import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { createDocumentLoader, DocumentNotAvailableError } from "./document-loader.js";
import { didDocument, type IssuerKey } from "./issuer-key.js";

export async function signCredential(
  credential: Record<string, unknown>,
  key: IssuerKey,
): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer: key.keyPair.signer(), cryptosuite });
  return vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: createDocumentLoader({ didDocument: didDocument(key) }),
  });
}

/** VC dates without milliseconds, as the examples in the specifications write them. */
export function xsdDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export type ProofCheck = { ok: true } | { ok: false; code: "malformed" | "signature" | "issuer-key"; reason: string };

/**
 * Checks the proof only. Dates and status are judged by the caller after the signature
 * is known to be good, so a tampered date reads "altered", not "expired": the library is
 * asked to verify as of `validFrom`, a moment when the credential was valid.
 */
export async function checkProof(
  credential: Record<string, unknown>,
  issuerDidDocument: Record<string, unknown>,
): Promise<ProofCheck> {
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: createDocumentLoader({ didDocument: issuerDidDocument }),
    now: String(credential.validFrom),
    checkStatus: async () => ({ verified: true }),
  });
  if (result.verified) return { ok: true };
  return classify(firstError(result.error));
}

function firstError(error: (Error & { errors?: Error[] }) | undefined): Error {
  return error?.errors?.[0] ?? error ?? new Error("The proof could not be verified.");
}

function rootCause(error: Error): Error {
  let current: unknown = error;
  while (current instanceof Error && !(current instanceof DocumentNotAvailableError) && current.cause instanceof Error)
    current = current.cause;
  return current as Error;
}

function classify(error: Error): ProofCheck & { ok: false } {
  const cause = rootCause(error);
  if (cause instanceof DocumentNotAvailableError) {
    return cause.url.startsWith("did:")
      ? {
          ok: false,
          code: "issuer-key",
          reason: `The key that signed this certificate could not be checked: ${cause.message}`,
        }
      : {
          ok: false,
          code: "malformed",
          reason: `The certificate refers to a vocabulary Sendero does not know (${cause.url}).`,
        };
  }
  if (error.name === "jsonld.ValidationError") {
    // Safe mode: a property or type outside the vocabulary, which a signature cannot cover.
    const details = (error as { details?: { event?: { details?: { property?: string; type?: string } } } }).details
      ?.event?.details;
    const term = details?.property ?? details?.type ?? "something";
    return {
      ok: false,
      code: "malformed",
      reason: `The certificate contains "${term}", which is not part of its vocabulary: it was altered, or not made by Sendero.`,
    };
  }
  if (/not authorized by controller|issuer must match/i.test(error.message)) {
    return {
      ok: false,
      code: "issuer-key",
      reason: "The key that signed this certificate is not one the issuer has published for issuing certificates.",
    };
  }
  if (error.name === "NotFoundError" || /no matching proofs|did not verify any proofs/i.test(error.message)) {
    return {
      ok: false,
      code: "signature",
      reason: "The certificate does not carry a signature of the kind Sendero issues.",
    };
  }
  if (error.name.startsWith("jsonld.") || /"[^"]+" (must|property)/.test(error.message)) {
    return { ok: false, code: "malformed", reason: `The certificate is not well-formed: ${error.message}` };
  }
  return {
    ok: false,
    code: "signature",
    reason:
      "The certificate's signature does not match its contents: it was altered after it was issued, or the signature is damaged.",
  };
}
