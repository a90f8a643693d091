// Revocation through a W3C Bitstring Status List: one signed credential holding a
// compressed bitstring, one bit per certificate. 131,072 entries is the specification's
// minimum, so the list reveals nothing about which or how many certificates exist; each
// certificate gets a random free index for the same reason.
import { randomInt } from "node:crypto";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { createCredential, createList, decodeList } from "@digitalbazaar/vc-bitstring-status-list";
import { createDocumentLoader, isObject } from "./document-loader.js";
import type { IssuerKey } from "./issuer-key.js";
import { signCredential, xsdDateTime } from "./proofs.js";

export const STATUS_LIST_SIZE = 131_072;
export const STATUS_PURPOSE = "revocation";

/** The status list is missing, unsigned, altered or not the issuer's. */
export class StatusListError extends Error {
  override name = "StatusListError";
}

export function pickStatusIndex(used: ReadonlySet<number>): number {
  if (used.size >= STATUS_LIST_SIZE) throw new StatusListError("The status list is full.");
  // Random probing is fast while the list is mostly free; past half full, pick among the free ones.
  if (used.size < STATUS_LIST_SIZE / 2) {
    for (;;) {
      const index = randomInt(STATUS_LIST_SIZE);
      if (!used.has(index)) return index;
    }
  }
  const free: number[] = [];
  for (let index = 0; index < STATUS_LIST_SIZE; index++) if (!used.has(index)) free.push(index);
  return free[randomInt(free.length)]!;
}

export async function buildStatusListCredential(
  input: { id: string; revokedIndexes: readonly number[]; validFrom: Date },
  key: IssuerKey,
): Promise<Record<string, unknown>> {
  const list = await createList({ length: STATUS_LIST_SIZE });
  for (const index of input.revokedIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= STATUS_LIST_SIZE)
      throw new RangeError(`Status index out of range: ${index}`);
    list.setStatus(index, true);
  }
  const unsigned = await createCredential({ id: input.id, list, statusPurpose: STATUS_PURPOSE });
  return signCredential({ ...unsigned, issuer: key.did, validFrom: xsdDateTime(input.validFrom) }, key);
}

/** Verifies the list's own proof against the issuer's DID document, then reads the bit. */
export async function isRevoked(
  statusListCredential: Record<string, unknown>,
  index: number,
  didDocument: Record<string, unknown>,
  options: { now?: Date } = {},
): Promise<boolean> {
  const result = await vc.verifyCredential({
    credential: statusListCredential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: createDocumentLoader({ didDocument }),
    now: options.now ?? new Date(),
  });
  if (!result.verified) {
    const reason = result.error?.errors?.[0]?.message ?? result.error?.message ?? "unknown error";
    throw new StatusListError(`The status list's signature could not be verified (${reason}).`);
  }
  const subject = statusListCredential.credentialSubject;
  const types = [statusListCredential.type].flat();
  if (
    !types.includes("BitstringStatusListCredential") ||
    !isObject(subject) ||
    subject.type !== "BitstringStatusList"
  ) {
    throw new StatusListError("The document is not a bitstring status list.");
  }
  if (subject.statusPurpose !== STATUS_PURPOSE || typeof subject.encodedList !== "string") {
    throw new StatusListError(`The status list is not a "${STATUS_PURPOSE}" list.`);
  }
  const list = await decodeList({ encodedList: subject.encodedList });
  if (!Number.isInteger(index) || index < 0 || index >= list.length)
    throw new StatusListError(`Index ${index} is outside the status list.`);
  return list.getStatus(index);
}
