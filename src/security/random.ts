// Random identifiers and secrets, as in the lucia-auth.com guide: 24 characters from a
// 32-letter alphabet without look-alikes (l, o, 0, 1) = 120 bits of randomness.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeHexLowerCase } from "@oslojs/encoding";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

export function generateSecureRandomString(length = 24): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = "";
  // 256 / 32 = 8: each byte maps onto the alphabet without bias.
  for (const byte of bytes) out += ALPHABET[byte >> 3];
  return out;
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function hashSecretHex(secret: string): string {
  return encodeHexLowerCase(hashSecret(secret));
}

export function secretsMatch(a: Uint8Array, b: Uint8Array): boolean {
  return constantTimeEqual(a, b);
}
