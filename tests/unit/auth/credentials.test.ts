import { describe, expect, it } from "vitest";
import { browserLabel } from "../../../src/auth/browser-label.js";
import { hashPassword, isCommonPassword, passwordLength, verifyPassword } from "../../../src/auth/passwords.js";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "../../../src/auth/recovery-codes.js";
import { generateSecureRandomString } from "../../../src/security/random.js";

describe("passwords", () => {
  it("are hashed with argon2id m=19456 KiB, t=2, p=1 and verified", async () => {
    const hash = await hashPassword("unicode ñ and 日本語 passphrase");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "unicode ñ and 日本語 passphrase")).toBe(true);
    expect(await verifyPassword(hash, "unicode n and 日本語 passphrase")).toBe(false);
  });

  it("compare after Unicode normalisation, so the same word typed differently still matches", async () => {
    const composed = "caf\u00e9 au lait passphrase";
    const decomposed = "cafe\u0301 au lait passphrase";
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
  });

  it("count length in characters people see", () => {
    expect(passwordLength("ñññññññ")).toBe(7);
    expect(passwordLength("🔑🔑🔑🔑🔑🔑🔑🔑")).toBe(8);
  });

  it("refuse the most common passwords in any letter case", () => {
    for (const p of ["password", "PASSWORD1", "12345678", "qwertyuiop", "iloveyou"])
      expect(isCommonPassword(p), p).toBe(true);
    expect(isCommonPassword("correct horse battery staple")).toBe(false);
  });
});

describe("recovery codes", () => {
  it("are ten codes of 16 unambiguous characters in groups of four", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-km-z2-9]{4}(-[a-km-z2-9]{4}){3}$/);
    expect(new Set(codes).size).toBe(10);
  });

  it("hash the same however they are typed", () => {
    expect(normalizeRecoveryCode(" AbCd-efgh jkmn_PQRS ")).toBe("abcdefghjkmnpqrs");
    expect(hashRecoveryCode("abcd-efgh-jkmn-pqrs")).toBe(hashRecoveryCode("ABCD EFGH JKMN PQRS"));
  });
});

describe("random strings", () => {
  it("use the 32-character alphabet without look-alikes, evenly", () => {
    const text = Array.from({ length: 400 }, () => generateSecureRandomString()).join("");
    expect(text).toMatch(/^[a-km-z2-9]+$/);
    expect(new Set(text).size).toBe(32);
  });
});

describe("browser labels", () => {
  it.each([
    [
      "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Chrome",
      "Android",
    ],
    [
      "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
      "Samsung Internet",
      "Android",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Safari",
      "iOS",
    ],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0", "Firefox", "Windows"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Edge",
      "Windows",
    ],
    ["curl/8.5.0", null, null],
  ])("%s", (ua, browser, system) => {
    expect(browserLabel(ua)).toEqual({ browser, system });
  });
});
