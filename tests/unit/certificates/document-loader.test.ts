import http from "node:http";
import https from "node:https";
import net from "node:net";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createDocumentLoader, DocumentNotAvailableError } from "../../../src/certificates/document-loader.js";
import { didDocument } from "../../../src/certificates/issuer-key.js";
import { newIssuerKey, removeTemporaryDirs } from "./factories.js";

afterAll(removeTemporaryDirs);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the document loader", () => {
  it("serves every context a certificate or status list needs from the bundled packages", async () => {
    const load = createDocumentLoader();
    // Each URL gives its own context: the one that defines the terms Sendero's credentials use.
    const terms: [string, string][] = [
      ["https://www.w3.org/ns/credentials/v2", "VerifiableCredential"],
      ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "OpenBadgeCredential"],
      ["https://w3id.org/security/data-integrity/v2", "DataIntegrityProof"],
      ["https://w3id.org/security/multikey/v1", "Multikey"],
      ["https://www.w3.org/ns/credentials/status/v1", "BitstringStatusListEntry"],
    ];
    for (const [url, term] of terms) {
      const loaded = await load(url);
      expect(loaded.documentUrl, url).toBe(url);
      const context = (loaded.document as { "@context": Record<string, unknown> })["@context"];
      expect(Object.keys(context), url).toContain(term);
    }
  });

  it("refuses an unknown URL without touching the network", async () => {
    const calls = [
      vi.spyOn(globalThis, "fetch"),
      vi.spyOn(http, "request"),
      vi.spyOn(http, "get"),
      vi.spyOn(https, "request"),
      vi.spyOn(https, "get"),
      vi.spyOn(net, "connect"),
    ];
    const load = createDocumentLoader();
    for (const url of [
      "https://schema.org/",
      "https://evil.example/context.json",
      "http://localhost:3000/certificates/status/1",
    ]) {
      await expect(load(url)).rejects.toBeInstanceOf(DocumentNotAvailableError);
      await expect(load(url)).rejects.toThrow(/never fetches/);
    }
    for (const spy of calls) expect(spy).not.toHaveBeenCalled();
  });

  it("resolves the issuer's DID and key from the DID document it is given", async () => {
    const key = await newIssuerKey();
    const load = createDocumentLoader({ didDocument: didDocument(key) });
    expect((await load(key.did)).document).toEqual(didDocument(key));
    expect((await load(key.verificationMethodId)).document).toEqual({
      "@context": "https://w3id.org/security/multikey/v1",
      id: key.verificationMethodId,
      type: "Multikey",
      controller: key.did,
      publicKeyMultibase: key.publicKeyMultibase,
    });
    await expect(load(`${key.did}#another-key`)).rejects.toThrow(/does not list this key/);
    await expect(load("did:web:elsewhere.example")).rejects.toThrow(/DID document given is for/);
    await expect(createDocumentLoader()(key.did)).rejects.toThrow(/no DID document/);
  });

  it("serves documents handed to it, such as a status list", async () => {
    const list = { id: "http://localhost:3000/certificates/status/1" };
    const load = createDocumentLoader({ documents: new Map([[list.id, list]]) });
    expect((await load(list.id)).document).toBe(list);
  });
});
