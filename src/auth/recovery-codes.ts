// One-time recovery codes for accounts without email: 16 characters (80 random bits) in
// groups of four. Shown once; only their SHA-256 is stored (80 bits make a slow hash
// unnecessary). Typing is forgiving: case, spaces and dashes do not matter.
import { generateSecureRandomString, hashSecretHex } from "../security/random.js";

export const RECOVERY_CODE_COUNT = 10;

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => generateSecureRandomString(16).match(/.{4}/g)!.join("-"));
}

export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return hashSecretHex(normalizeRecoveryCode(code));
}
