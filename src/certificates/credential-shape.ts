// The shape of a Sendero certificate credential, checked before any cryptography so that
// a wrong file gets a plain "this is not a certificate" answer. The contexts must be
// exactly ours: another context could give the same words other meanings and still
// canonicalise to a valid signature. The signature itself covers everything else.
import * as z from "zod";
import { LANGUAGE_MAPS_CONTEXT, OPEN_BADGES_CONTEXT, VC_V2_CONTEXT } from "./document-loader.js";

const dateTime = z
  .string()
  .refine(
    (value) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)),
    "must be a date and time",
  );
const absoluteUrl = z.string().refine((value) => URL.canParse(value), "must be an absolute URL");
const types = (...required: string[]) =>
  z
    .union([z.string(), z.array(z.string())])
    .refine((value) => required.every((type) => [value].flat().includes(type)), `must include ${required.join(", ")}`);

export const credentialShape = z.object({
  "@context": z.union([
    z.tuple([z.literal(VC_V2_CONTEXT), z.literal(OPEN_BADGES_CONTEXT)]),
    // The third, inline context must be exactly ours (compared as JSON).
    z.tuple([
      z.literal(VC_V2_CONTEXT),
      z.literal(OPEN_BADGES_CONTEXT),
      z
        .unknown()
        .refine((c) => JSON.stringify(c) === JSON.stringify(LANGUAGE_MAPS_CONTEXT), "is not Sendero's context"),
    ]),
  ]),
  id: absoluteUrl,
  type: types("VerifiableCredential", "OpenBadgeCredential"),
  name: z.string().min(1),
  issuer: z.object({ id: z.string().startsWith("did:web:"), type: types("Profile"), name: z.string().min(1) }),
  validFrom: dateTime,
  validUntil: dateTime.optional(),
  credentialSubject: z.object({
    type: types("AchievementSubject"),
    identifier: z
      .array(
        z.object({
          type: z.literal("IdentityObject"),
          identityType: z.string(),
          hashed: z.boolean(),
          identityHash: z.string(),
        }),
      )
      .refine(
        (list) => list.some((entry) => entry.identityType === "name" && !entry.hashed),
        "must include the recipient's name",
      ),
    achievement: z.object({ id: absoluteUrl, type: types("Achievement"), name: z.string().min(1) }),
  }),
  credentialStatus: z.object({
    type: z.literal("BitstringStatusListEntry"),
    statusPurpose: z.literal("revocation"),
    statusListIndex: z.string().regex(/^\d+$/),
    statusListCredential: absoluteUrl,
  }),
  proof: z.object({
    type: z.literal("DataIntegrityProof"),
    cryptosuite: z.literal("eddsa-rdfc-2022"),
    proofPurpose: z.literal("assertionMethod"),
    verificationMethod: z.string().startsWith("did:web:"),
    proofValue: z.string().min(1),
  }),
});

export type CredentialShape = z.infer<typeof credentialShape>;

/** The recipient's printed name, from the unhashed "name" identity. */
export function recipientNameOf(shape: CredentialShape): string {
  return shape.credentialSubject.identifier.find((entry) => entry.identityType === "name" && !entry.hashed)!
    .identityHash;
}

export function describeShapeError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "it does not have the shape of a Sendero certificate.";
  const where = issue.path.length > 0 ? issue.path.join(".") : "the document";
  return `${where}: ${issue.message}`;
}
