import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { didWebDocumentUrl } from "../../../src/certificates/did-web.js";
import {
  didDocument,
  didWebFromBaseUrl,
  ISSUER_KEY_FILE,
  loadOrCreateIssuerKey,
} from "../../../src/certificates/issuer-key.js";
import { removeTemporaryDirs, temporaryDir } from "./factories.js";

afterAll(removeTemporaryDirs);

describe("did:web identifiers", () => {
  it("come from the base URL, with the port's colon encoded and path segments as colons", () => {
    expect(didWebFromBaseUrl("http://localhost:3000")).toBe("did:web:localhost%3A3000");
    expect(didWebFromBaseUrl("https://learn.example.org/sub")).toBe("did:web:learn.example.org:sub");
    expect(didWebFromBaseUrl("https://Learn.Example.org/")).toBe("did:web:learn.example.org");
    expect(didWebFromBaseUrl("https://example.org/a/b/")).toBe("did:web:example.org:a:b");
  });

  it("resolve to the address of their DID document", () => {
    expect(didWebDocumentUrl("did:web:learn.example.org")).toBe("https://learn.example.org/.well-known/did.json");
    expect(didWebDocumentUrl("did:web:learn.example.org:sub#key")).toBe("https://learn.example.org/sub/did.json");
    expect(didWebDocumentUrl("did:web:localhost%3A3000")).toBe("http://localhost:3000/.well-known/did.json");
    expect(() => didWebDocumentUrl("did:key:z6Mk")).toThrow(/did:web/);
  });
});

describe("the issuer key", () => {
  it("is created on first start in a file only the server's user can read", async () => {
    const dir = temporaryDir();
    const key = await loadOrCreateIssuerKey(dir, "https://learn.example.org");
    const file = path.join(dir, ISSUER_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(key.did).toBe("did:web:learn.example.org");
    expect(key.verificationMethodId).toBe(`did:web:learn.example.org#${key.publicKeyMultibase}`);
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/); // multibase Ed25519 public key
    expect(fs.readdirSync(dir)).toEqual([ISSUER_KEY_FILE]); // no temporary file left behind
  });

  it("is reused afterwards, unchanged", async () => {
    const dir = temporaryDir();
    const first = await loadOrCreateIssuerKey(dir, "http://localhost:3000");
    const bytes = fs.readFileSync(path.join(dir, ISSUER_KEY_FILE));
    const second = await loadOrCreateIssuerKey(dir, "http://localhost:3000");
    expect(second.publicKeyMultibase).toBe(first.publicKeyMultibase);
    expect(fs.readFileSync(path.join(dir, ISSUER_KEY_FILE)).equals(bytes)).toBe(true);
  });

  it("is the same for callers that start at the same moment", async () => {
    const dir = temporaryDir();
    const keys = await Promise.all([1, 2, 3].map(() => loadOrCreateIssuerKey(dir, "http://localhost:3000")));
    expect(new Set(keys.map((key) => key.publicKeyMultibase)).size).toBe(1);
  });

  it("refuses a damaged key file instead of replacing it", async () => {
    const dir = temporaryDir();
    fs.writeFileSync(path.join(dir, ISSUER_KEY_FILE), JSON.stringify({ type: "Multikey" }), { mode: 0o600 });
    await expect(loadOrCreateIssuerKey(dir, "http://localhost:3000")).rejects.toThrow(/not a Sendero issuer key/);
  });

  it("is published in a DID document as a Multikey for issuing", async () => {
    const key = await loadOrCreateIssuerKey(temporaryDir(), "http://localhost:3000");
    expect(didDocument(key)).toEqual({
      "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
      id: "did:web:localhost%3A3000",
      verificationMethod: [
        {
          id: key.verificationMethodId,
          type: "Multikey",
          controller: key.did,
          publicKeyMultibase: key.publicKeyMultibase,
        },
      ],
      assertionMethod: [key.verificationMethodId],
    });
    expect(JSON.stringify(didDocument(key))).not.toMatch(/secret/i);
  });
});
