import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { didDocument, type IssuerKey } from "../../../src/certificates/issuer-key.js";
import {
  buildStatusListCredential,
  isRevoked,
  pickStatusIndex,
  STATUS_LIST_SIZE,
  StatusListError,
} from "../../../src/certificates/status-list.js";
import { LIST_URL, newIssuerKey, removeTemporaryDirs } from "./factories.js";

afterAll(removeTemporaryDirs);

let key: IssuerKey;
beforeAll(async () => {
  key = await newIssuerKey();
});

const build = (revokedIndexes: number[], signer: IssuerKey = key) =>
  buildStatusListCredential({ id: LIST_URL, revokedIndexes, validFrom: new Date("2026-03-01T00:00:00Z") }, signer);

describe("status indexes", () => {
  it("are random, unused and inside the list", () => {
    const used = new Set<number>([1, 2, 3]);
    for (let i = 0; i < 500; i++) {
      const index = pickStatusIndex(used);
      expect(used.has(index)).toBe(false);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(STATUS_LIST_SIZE);
      used.add(index);
    }
    // 500 sequential picks would end at 502; random ones are spread over the list.
    expect(Math.max(...used)).toBeGreaterThan(STATUS_LIST_SIZE / 2);
  });

  it("are found when only one is left, and refused when none is", () => {
    const all = new Set(Array.from({ length: STATUS_LIST_SIZE }, (_, i) => i));
    all.delete(77_777);
    expect(pickStatusIndex(all)).toBe(77_777);
    all.add(77_777);
    expect(() => pickStatusIndex(all)).toThrow(StatusListError);
  });
});

describe("a status list credential", () => {
  it("is a signed BitstringStatusListCredential of 131,072 entries for revocation", async () => {
    const list = await build([5]);
    expect(list).toMatchObject({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id: LIST_URL,
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: key.did,
      validFrom: "2026-03-01T00:00:00Z",
      credentialSubject: { id: `${LIST_URL}#list`, type: "BitstringStatusList", statusPurpose: "revocation" },
      proof: { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022" },
    });
    expect(JSON.stringify(list).length).toBeLessThan(2000); // the mostly-empty bitstring compresses
  });

  it("tells revoked entries from the others", async () => {
    const list = await build([5, 131_071]);
    const did = didDocument(key);
    expect(await isRevoked(list, 5, did)).toBe(true);
    expect(await isRevoked(list, 131_071, did)).toBe(true);
    expect(await isRevoked(list, 6, did)).toBe(false);
  });

  it("is not trusted when its proof fails", async () => {
    const list = await build([]);
    const altered = {
      ...list,
      credentialSubject: {
        ...(list.credentialSubject as object),
        encodedList: ((await build([6])).credentialSubject as { encodedList: string }).encodedList,
      },
    };
    await expect(isRevoked(altered, 6, didDocument(key))).rejects.toBeInstanceOf(StatusListError);
    await expect(isRevoked(await build([6], await newIssuerKey()), 6, didDocument(key))).rejects.toBeInstanceOf(
      StatusListError,
    );
  });

  it("refuses indexes outside the list", async () => {
    await expect(build([STATUS_LIST_SIZE])).rejects.toThrow(RangeError);
    await expect(isRevoked(await build([]), STATUS_LIST_SIZE, didDocument(key))).rejects.toBeInstanceOf(
      StatusListError,
    );
  });
});
