// Certificate codes: 28 characters from a 32-letter alphabet without look-alikes
// (140 random bits), shown as seven groups of four. Typing is forgiving about case,
// spaces and dashes.
import { generateSecureRandomString } from "../security/random.js";

const CODE_LENGTH = 28;

export function generateCertificateCode(): string {
  return generateSecureRandomString(CODE_LENGTH);
}

export function formatCode(code: string): string {
  return code
    .toUpperCase()
    .match(/.{1,4}/g)!
    .join("-");
}

/** The stored form of a typed code, or null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-km-z2-9]{28}$/.test(code) ? code : null;
}
