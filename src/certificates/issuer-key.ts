// The issuer's signing key: Ed25519, created on first start and kept in the data
// directory (mode 0600), like the instance secret. The key is independent of the address;
// the DID is derived from BASE_URL at load time, so credentials stay verifiable only
// while the server keeps the same BASE_URL (did:web is an address).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Ed25519KeyPair } from "@digitalbazaar/ed25519-multikey";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { didWebFromBaseUrl } from "./did-web.js";
import { DID_CONTEXT, MULTIKEY_CONTEXT } from "./document-loader.js";

export { didWebFromBaseUrl } from "./did-web.js";

export type IssuerKey = {
  did: string;
  verificationMethodId: string;
  publicKeyMultibase: string;
  /** The key pair with its secret: `keyPair.signer()` signs proofs. Never serialise it. */
  keyPair: Ed25519KeyPair;
};

export const ISSUER_KEY_FILE = "issuer-key.json";

type StoredKey = { type: "Multikey"; publicKeyMultibase: string; secretKeyMultibase: string };

export async function loadOrCreateIssuerKey(dataDir: string, baseUrl: string): Promise<IssuerKey> {
  const did = didWebFromBaseUrl(baseUrl);
  const file = path.join(dataDir, ISSUER_KEY_FILE);
  const stored = readStoredKey(file) ?? (await createStoredKey(dataDir, file));
  // The fragment is the public key itself: a rotated key gets a new id, and a DID
  // document can keep listing old keys so older certificates still verify.
  const verificationMethodId = `${did}#${stored.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({
    "@context": MULTIKEY_CONTEXT,
    id: verificationMethodId,
    controller: did,
    ...stored,
  });
  await assertKeyPairWorks(keyPair, file);
  return { did, verificationMethodId, publicKeyMultibase: stored.publicKeyMultibase, keyPair };
}

function readStoredKey(file: string): StoredKey | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const value = JSON.parse(text) as Partial<StoredKey>;
  if (
    value.type !== "Multikey" ||
    typeof value.publicKeyMultibase !== "string" ||
    typeof value.secretKeyMultibase !== "string"
  ) {
    throw new Error(
      `${file} is not a Sendero issuer key. Restore it from a backup: certificates already issued depend on it.`,
    );
  }
  return {
    type: "Multikey",
    publicKeyMultibase: value.publicKeyMultibase,
    secretKeyMultibase: value.secretKeyMultibase,
  };
}

async function createStoredKey(dataDir: string, file: string): Promise<StoredKey> {
  fs.mkdirSync(dataDir, { recursive: true });
  const generated = await Ed25519Multikey.generate();
  const exported = await generated.export({ publicKey: true, secretKey: true, includeContext: false });
  const stored: StoredKey = {
    type: "Multikey",
    publicKeyMultibase: String(exported.publicKeyMultibase),
    secretKeyMultibase: String(exported.secretKeyMultibase),
  };
  // Written to a private temporary file, then linked into place: link() fails if another
  // process created the key meanwhile, and nobody ever reads a half-written key.
  const temporary = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(temporary, file);
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readStoredKey(file)!;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

async function assertKeyPairWorks(keyPair: Ed25519KeyPair, file: string): Promise<void> {
  const data = new TextEncoder().encode("sendero issuer key check");
  const signature = await keyPair.signer().sign({ data });
  if (!(await keyPair.verifier().verify({ data, signature }))) {
    throw new Error(`${file}: the public and secret keys do not match.`);
  }
}

/** The DID document to serve for the issuer's DID (see didWebDocumentUrl for where). */
export function didDocument(key: IssuerKey): Record<string, unknown> {
  return {
    "@context": [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: key.did,
    verificationMethod: [
      {
        id: key.verificationMethodId,
        type: "Multikey",
        controller: key.did,
        publicKeyMultibase: key.publicKeyMultibase,
      },
    ],
    assertionMethod: [key.verificationMethodId],
  };
}
