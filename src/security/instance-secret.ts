// A random key created on first start and kept in the data directory (mode 0600). It
// keys the hashes under which rate limits remember IP addresses and sign-in names, so
// the database never holds them in a form that can be reversed by guessing.
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type KeyedHash = (value: string) => string;

/** The file in the data directory (its presence also tells start-up this instance has run before). */
export const INSTANCE_SECRET_FILE = "instance-secret";

export function loadOrCreateSecret(dataDir: string, name = INSTANCE_SECRET_FILE): Buffer {
  const file = path.join(dataDir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32);
  // "wx": never overwrite a secret another process wrote a moment ago.
  try {
    fs.writeFileSync(file, secret.toString("base64url"), { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  }
}

export function keyedHasher(secret: Buffer): KeyedHash {
  return (value) => createHmac("sha256", secret).update(value).digest("base64url").slice(0, 32);
}
