import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCredential, type Verdict, verifyCredential } from "../../../src/certificates/credential.js";
import { createDocumentLoader } from "../../../src/certificates/document-loader.js";
import { didDocument, type IssuerKey } from "../../../src/certificates/issuer-key.js";
import { buildStatusListCredential } from "../../../src/certificates/status-list.js";
import { credentialInput, LIST_URL, newIssuerKey, removeTemporaryDirs } from "./factories.js";

afterAll(removeTemporaryDirs);

type Json = Record<string, unknown>;

let key: IssuerKey;
let did: Json;
let credential: Json;

beforeAll(async () => {
  key = await newIssuerKey();
  did = didDocument(key);
  credential = await issueCredential(credentialInput(), key);
});

const failure = (verdict: Verdict) => (verdict.ok ? "ok" : verdict.code);

describe("an issued certificate credential", () => {
  it("follows the Open Badges 3.0 structure with a Data Integrity proof", () => {
    expect(credential["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
    expect(credential).toMatchObject({
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      name: "Drug decriminalisation",
      issuer: { id: "did:web:localhost%3A3000", type: ["Profile"], name: "Sendero", url: "http://localhost:3000" },
      validFrom: "2026-03-12T10:00:00Z",
      credentialSubject: {
        type: ["AchievementSubject"],
        identifier: [
          {
            type: "IdentityObject",
            identityType: "name",
            hashed: false,
            identityHash: "Éléonore Adébáyọ̀".normalize("NFC"),
          },
        ],
        achievement: {
          type: ["Achievement"],
          achievementType: "Course",
          criteria: { narrative: "Completed every module and passed every quiz." },
        },
      },
      credentialStatus: {
        type: "BitstringStatusListEntry",
        statusPurpose: "revocation",
        statusListIndex: "1234",
        statusListCredential: LIST_URL,
      },
      proof: {
        type: "DataIntegrityProof",
        cryptosuite: "eddsa-rdfc-2022",
        proofPurpose: "assertionMethod",
        verificationMethod: key.verificationMethodId,
      },
    });
  });

  it("verifies, and says who issued what to whom", async () => {
    expect(await verifyCredential(credential, { didDocument: did })).toEqual({
      ok: true,
      issuer: key.did,
      issuerName: "Sendero",
      name: "Drug decriminalisation",
      recipientName: "Éléonore Adébáyọ̀".normalize("NFC"),
      validFrom: "2026-03-12T10:00:00Z",
      credentialId: "http://localhost:3000/certificates/K7QX-9M2P-4TRB-8HWC.json",
      statusChecked: false,
    });
  });

  it("verifies with the Digital Bazaar libraries directly", async () => {
    const result = await vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: createDocumentLoader({ didDocument: did }),
      checkStatus: async () => ({ verified: true }),
    });
    expect(result.verified).toBe(true);
  });

  it("marks a module certificate with an extension achievement type", async () => {
    const input = credentialInput();
    const module = await issueCredential({ ...input, achievement: { ...input.achievement, kind: "module" } }, key);
    expect((module.credentialSubject as Json).achievement).toMatchObject({ achievementType: "ext:Module" });
    expect((await verifyCredential(module, { didDocument: did })).ok).toBe(true);
  });
});

describe("an achievement named in several languages", () => {
  const translations = {
    en: { name: "Drug decriminalisation", description: "A course." },
    fr: { name: "Décriminalisation des drogues", description: "Un cours." },
    ar: { name: "إلغاء تجريم المخدرات", description: "دورة." },
  };
  const multilingual = async () => {
    const input = credentialInput();
    return issueCredential(
      {
        ...input,
        achievement: { ...input.achievement, name: translations.fr.name, language: "fr", translations },
      },
      key,
    );
  };

  it("keeps OB 3.0's plain name in the certificate's language and adds language maps", async () => {
    const issued = await multilingual();
    expect((issued["@context"] as unknown[])[2]).toEqual({
      nameMap: { "@id": "https://schema.org/name", "@container": "@language" },
      descriptionMap: { "@id": "https://schema.org/description", "@container": "@language" },
    });
    expect((issued.credentialSubject as Json).achievement).toMatchObject({
      name: "Décriminalisation des drogues",
      inLanguage: "fr",
      nameMap: { en: "Drug decriminalisation", fr: "Décriminalisation des drogues", ar: "إلغاء تجريم المخدرات" },
      descriptionMap: { en: "A course.", fr: "Un cours.", ar: "دورة." },
    });
    expect((await verifyCredential(issued, { didDocument: did })).ok).toBe(true);
  });

  it("is signed over every language: changing one name, or the inline context, is caught", async () => {
    const issued = await multilingual();
    const achievement = (issued.credentialSubject as Json).achievement as Json;
    const renamed = structuredClone(issued);
    ((renamed.credentialSubject as Json).achievement as Json).nameMap = {
      ...(achievement.nameMap as Json),
      ar: "شيء آخر",
    };
    expect(failure(await verifyCredential(renamed, { didDocument: did }))).not.toBe("ok");
    const recontexted = structuredClone(issued);
    (recontexted["@context"] as unknown[])[2] = {
      nameMap: { "@id": "https://example.org/other", "@container": "@language" },
    };
    expect(failure(await verifyCredential(recontexted, { didDocument: did }))).toBe("malformed");
  });

  it("stays a two-context credential when the course has one language", async () => {
    const input = credentialInput();
    const single = await issueCredential(
      { ...input, achievement: { ...input.achievement, translations: { en: translations.en } } },
      key,
    );
    expect(single["@context"]).toHaveLength(2);
    expect((single.credentialSubject as Json).achievement).not.toHaveProperty("nameMap");
  });
});

// Every leaf changed, every property removed, every character of the signature replaced:
// one change at a time, each must be caught.
function tampers(original: Json): { label: string; document: Json }[] {
  const out: { label: string; document: Json }[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    } else if (typeof value === "object" && value !== null) {
      for (const [name, child] of Object.entries(value)) {
        if (typeof name === "string")
          out.push({
            label: `remove ${[...path, name].join(".")}`,
            document: edit(original, [...path, name], undefined),
          });
        walk(child, [...path, name]);
      }
    } else if (path.join(".") !== "proof.proofValue") {
      out.push({ label: `change ${path.join(".")}`, document: edit(original, path, changed(value)) });
    }
  };
  walk(original, []);
  const proofValue = (original.proof as Json).proofValue as string;
  for (let i = 0; i < proofValue.length; i++) {
    const replacement = proofValue[i] === "2" ? "3" : "2";
    out.push({
      label: `proofValue[${i}]`,
      document: edit(original, ["proof", "proofValue"], proofValue.slice(0, i) + replacement + proofValue.slice(i + 1)),
    });
  }
  out.push({ label: "add description", document: { ...original, description: "Added later." } });
  out.push({ label: "add unknown property", document: { ...original, grade: "A+" } });
  return out;
}

function changed(value: unknown): unknown {
  if (typeof value === "boolean") return !value;
  if (typeof value === "number") return value + 1;
  const text = String(value);
  return text.slice(0, -1) + (text.endsWith("a") ? "b" : "a");
}

function edit(original: Json, path: (string | number)[], value: unknown): Json {
  const copy = structuredClone(original);
  let target: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(target)) target.splice(Number(last), 1);
    else delete target[last];
  } else target[last] = value;
  return copy;
}

describe("tampering", () => {
  it("is detected for each of more than 100 single-field changes", { timeout: 180_000 }, async () => {
    const cases = tampers(credential);
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const undetected: string[] = [];
    const codes = new Map<string, number>();
    for (const { label, document } of cases) {
      const verdict = await verifyCredential(document, { didDocument: did });
      if (verdict.ok) undetected.push(label);
      else {
        codes.set(verdict.code, (codes.get(verdict.code) ?? 0) + 1);
        expect(verdict.reason.length, label).toBeGreaterThan(20);
      }
    }
    expect(undetected).toEqual([]);
    expect(codes.get("signature")).toBeGreaterThan(80);
  });

  it("of the recipient's name reads as an altered certificate", async () => {
    const document = structuredClone(credential) as { credentialSubject: { identifier: { identityHash: string }[] } };
    document.credentialSubject.identifier[0]!.identityHash = "Someone Else";
    const verdict = await verifyCredential(document, { didDocument: did });
    expect(verdict).toMatchObject({ ok: false, code: "signature" });
    expect(verdict.ok === false && verdict.reason).toMatch(/altered/);
  });

  it("anything that is not a credential is malformed", async () => {
    for (const value of [
      null,
      "text",
      42,
      [],
      {},
      { ...credential, "@context": ["https://www.w3.org/ns/credentials/v2"] },
    ]) {
      expect(failure(await verifyCredential(value, { didDocument: did }))).toBe("malformed");
    }
  });
});

describe("the issuer's key", () => {
  it("must be the one in the issuer's DID document", async () => {
    const other = await newIssuerKey(); // same did:web, different key pair
    expect(failure(await verifyCredential(credential, { didDocument: didDocument(other) }))).toBe("issuer-key");
  });

  it("is checked against the published key bytes, not just the key's name", async () => {
    const other = await newIssuerKey();
    const impostor = didDocument({ ...other, verificationMethodId: key.verificationMethodId });
    expect(failure(await verifyCredential(credential, { didDocument: impostor }))).toBe("signature");
  });

  it("must be listed for issuing (assertionMethod)", async () => {
    expect(failure(await verifyCredential(credential, { didDocument: { ...did, assertionMethod: [] } }))).toBe(
      "issuer-key",
    );
  });

  it("cannot be checked without the DID document, and another issuer's document does not do", async () => {
    expect(failure(await verifyCredential(credential, { didDocument: null }))).toBe("issuer-key");
    const elsewhere = await newIssuerKey("https://elsewhere.example.org");
    expect(failure(await verifyCredential(credential, { didDocument: didDocument(elsewhere) }))).toBe("issuer-key");
  });

  it("of another server signs credentials that the other server's DID document verifies", async () => {
    const elsewhere = await newIssuerKey("https://learn.example.org/ngo");
    const theirs = await issueCredential(credentialInput(), elsewhere);
    expect(await verifyCredential(theirs, { didDocument: didDocument(elsewhere) })).toMatchObject({
      ok: true,
      issuer: "did:web:learn.example.org:ngo",
    });
    expect(failure(await verifyCredential(theirs, { didDocument: did }))).toBe("issuer-key");
  });
});

describe("dates", () => {
  it("a certificate past its validUntil is expired", async () => {
    const expiring = await issueCredential(credentialInput({ validUntil: new Date("2027-03-12T10:00:00Z") }), key);
    expect((await verifyCredential(expiring, { didDocument: did, now: new Date("2027-01-01T00:00:00Z") })).ok).toBe(
      true,
    );
    const verdict = await verifyCredential(expiring, { didDocument: did, now: new Date("2027-06-01T00:00:00Z") });
    expect(verdict).toEqual({
      ok: false,
      code: "expired",
      reason: "This certificate expired on 2027-03-12T10:00:00Z.",
    });
  });

  it("a certificate before its validFrom is not yet valid", async () => {
    const verdict = await verifyCredential(credential, { didDocument: did, now: new Date("2026-03-01T00:00:00Z") });
    expect(verdict).toEqual({
      ok: false,
      code: "not-yet-valid",
      reason: "This certificate only becomes valid on 2026-03-12T10:00:00Z.",
    });
  });
});

describe("revocation", () => {
  const listAt = (revokedIndexes: number[], id = LIST_URL, signer?: IssuerKey) =>
    buildStatusListCredential({ id, revokedIndexes, validFrom: new Date("2026-03-01T00:00:00Z") }, signer ?? key);

  it("flips the verdict once the certificate's bit is set", async () => {
    expect(
      await verifyCredential(credential, { didDocument: did, statusListCredential: await listAt([1, 99]) }),
    ).toMatchObject({ ok: true, statusChecked: true });
    expect(
      await verifyCredential(credential, { didDocument: did, statusListCredential: await listAt([1, 1234]) }),
    ).toEqual({
      ok: false,
      code: "revoked",
      reason: "Sendero has revoked this certificate.",
    });
  });

  it("is unchecked without a status list, and fails when the caller requires it", async () => {
    expect(await verifyCredential(credential, { didDocument: did, statusListCredential: null })).toMatchObject({
      ok: true,
      statusChecked: false,
    });
    expect(failure(await verifyCredential(credential, { didDocument: did, requireStatus: true }))).toBe(
      "status-unavailable",
    );
  });

  it("is unavailable when the list is altered, someone else's, or another list", async () => {
    const list = await listAt([]);
    const altered = structuredClone(list);
    (altered.credentialSubject as Json).encodedList = ((await listAt([1234])).credentialSubject as Json).encodedList;
    const forged = await listAt([], LIST_URL, await newIssuerKey());
    const another = await listAt([], `${LIST_URL}-b`);
    for (const statusListCredential of [altered, forged, another]) {
      expect(failure(await verifyCredential(credential, { didDocument: did, statusListCredential }))).toBe(
        "status-unavailable",
      );
    }
  });
});
