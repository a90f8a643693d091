// Passwords: argon2id with OWASP's minimum parameters (m=19456 KiB, t=2, p=1, ≈90 ms
// here). At least 8 characters, no composition rules, and never one of the ~49,000 most
// common passwords (zxcvbn-ts's list, bundled: no call to any breach service).
import { hash, type Options, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// Algorithm is a `const enum` in the type definitions and absent at run time: 2 = Argon2id.
const ARGON2ID = 2 as Options["algorithm"];
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON = new Set(
  (dictionary["passwords-common"] as string[])
    .filter((p) => p.length >= PASSWORD_MIN_LENGTH)
    .map((p) => p.toLowerCase()),
);

/** Length in characters as people count them (code points), after Unicode normalisation. */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.normalize("NFC").toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password.normalize("NFC"));
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when no account matches, so response times do
 * not reveal which usernames exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("not a real password: timing equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
