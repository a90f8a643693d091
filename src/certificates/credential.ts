// A certificate as an Open Badges 3.0 credential (an OpenBadgeCredential in the W3C
// Verifiable Credentials 2.0 data model) with an embedded Data Integrity proof. Anyone
// can check it offline with the issuer's DID document; see docs/decisions/0006.

import { LANGUAGE_MAPS_CONTEXT, OPEN_BADGES_CONTEXT, VC_V2_CONTEXT } from "./document-loader.js";
import { CertificateInputError } from "./errors.js";
import type { IssuerKey } from "./issuer-key.js";
import { signCredential, xsdDateTime } from "./proofs.js";
import { STATUS_LIST_SIZE, STATUS_PURPOSE } from "./status-list.js";

export { type Verdict, type VerifyOptions, verifyCredential } from "./verify-credential.js";

export type CredentialInput = {
  credentialId: string;
  issuerName: string;
  issuerUrl: string;
  /** The printed name (may be a pseudonym); stored unhashed, as printed on the PDF. */
  recipientName: string;
  achievement: {
    id: string;
    name: string;
    description: string;
    criteria: string;
    kind: "course" | "module";
    /** The language of name and description (OB 3.0 `inLanguage`). */
    language?: string;
    /** The name and description in every language the course has them in, keyed by language. */
    translations?: Readonly<Record<string, { name: string; description: string }>>;
  };
  validFrom: Date;
  validUntil?: Date;
  /** A Bitstring Status List entry with purpose "revocation". */
  status: { listUrl: string; index: number };
};

// OB 3.0's AchievementType list has "Course" but nothing for part of one; extension
// values must start with "ext:".
const ACHIEVEMENT_TYPE = { course: "Course", module: "ext:Module" } as const;

export async function issueCredential(input: CredentialInput, key: IssuerKey): Promise<Record<string, unknown>> {
  checkInput(input);
  const validFrom = xsdDateTime(input.validFrom);
  const maps = languageMaps(input.achievement.translations);
  const credential = {
    "@context": maps
      ? [VC_V2_CONTEXT, OPEN_BADGES_CONTEXT, LANGUAGE_MAPS_CONTEXT]
      : [VC_V2_CONTEXT, OPEN_BADGES_CONTEXT],
    id: input.credentialId,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: input.achievement.name,
    issuer: { id: key.did, type: ["Profile"], name: input.issuerName, url: input.issuerUrl },
    validFrom,
    ...(input.validUntil ? { validUntil: xsdDateTime(input.validUntil) } : {}),
    awardedDate: validFrom,
    credentialSubject: {
      type: ["AchievementSubject"],
      // OB 3.0 names a recipient without an account or DID through an IdentityObject;
      // identityType "name", unhashed, because the name is meant to be read.
      identifier: [
        {
          type: "IdentityObject",
          identityType: "name",
          hashed: false,
          identityHash: input.recipientName.normalize("NFC").trim(),
        },
      ],
      achievement: {
        id: input.achievement.id,
        type: ["Achievement"],
        achievementType: ACHIEVEMENT_TYPE[input.achievement.kind],
        name: input.achievement.name,
        description: input.achievement.description,
        ...(input.achievement.language ? { inLanguage: input.achievement.language } : {}),
        ...maps,
        criteria: { narrative: input.achievement.criteria },
      },
    },
    credentialStatus: {
      id: `${input.status.listUrl}#${input.status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: STATUS_PURPOSE,
      statusListIndex: String(input.status.index),
      statusListCredential: input.status.listUrl,
    },
  };
  return signCredential(credential, key);
}

/**
 * OB 3.0 keeps `name` and `description` plain strings (its JSON Schema requires it), so the
 * other languages go in `nameMap`/`descriptionMap`: JSON-LD language maps for the same
 * schema.org properties (the ActivityStreams pattern). Only when there is more than one.
 */
function languageMaps(translations: CredentialInput["achievement"]["translations"]) {
  const entries = Object.entries(translations ?? {});
  if (entries.length < 2) return undefined;
  return {
    nameMap: Object.fromEntries(entries.map(([lang, t]) => [lang, t.name])),
    descriptionMap: Object.fromEntries(entries.map(([lang, t]) => [lang, t.description])),
  };
}

function checkInput(input: CredentialInput): void {
  for (const [field, value] of [
    ["credentialId", input.credentialId],
    ["issuerUrl", input.issuerUrl],
    ["achievement.id", input.achievement.id],
    ["status.listUrl", input.status.listUrl],
  ] as const) {
    if (!URL.canParse(value)) throw new CertificateInputError(`${field} must be an absolute URL: ${value}`);
  }
  if (!input.recipientName.trim()) throw new CertificateInputError("recipientName is empty.");
  if (!input.issuerName.trim() || !input.achievement.name.trim())
    throw new CertificateInputError("issuerName and achievement.name must not be empty.");
  if (Number.isNaN(input.validFrom.getTime())) throw new CertificateInputError("validFrom is not a valid date.");
  if (input.validUntil && !(input.validUntil > input.validFrom))
    throw new CertificateInputError("validUntil must come after validFrom.");
  const { index } = input.status;
  if (!Number.isInteger(index) || index < 0 || index >= STATUS_LIST_SIZE)
    throw new CertificateInputError(`status.index out of range: ${index}`);
}
