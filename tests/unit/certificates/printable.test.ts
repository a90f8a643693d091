import { describe, expect, it } from "vitest";
import { CertificateNameError } from "../../../src/certificates/errors.js";
import { printableName, printableText } from "../../../src/certificates/printable.js";

function nameError(name: string): CertificateNameError {
  try {
    printableName(name);
  } catch (error) {
    if (error instanceof CertificateNameError) return error;
    throw error;
  }
  throw new Error(`"${name}" was accepted`);
}

describe("a printable name", () => {
  it("keeps Latin, Cyrillic, Greek and Arabic names as typed, normalised to NFC", () => {
    for (const name of [
      "Éléonore Adébáyọ̀",
      "Юлия Ковалёва",
      "Νίκος Παπαδόπουλος",
      "مريم الحسن",
      "Nguyễn Thị Minh Khai",
    ]) {
      expect(printableName(name)).toBe(name.normalize("NFC"));
    }
    expect(printableName("Zoe\u0308")).toBe("Zoë");
  });

  it("tidies spaces, line breaks, controls and bidi overrides", () => {
    expect(printableName("  Ana \n\t María\u00A0 López\u0000 ")).toBe("Ana María López");
    expect(printableName("\u202Eمريم\u202C Smith\u200F")).toBe("مريم Smith");
  });

  it("keeps the joiners that change Arabic and Persian letter forms", () => {
    expect(printableName("می\u200Cخواهم")).toBe("می\u200Cخواهم");
  });

  it("drops emoji and symbols no font has, and says what it dropped", () => {
    expect(printableName("Zoë 🌈 O'Brien 👩🏽‍💻")).toBe("Zoë O'Brien");
    expect(printableText("Sam ✈️ Lee").dropped).toEqual(["✈️"]);
  });

  it("refuses a name with nothing printable left", () => {
    for (const name of ["", "   ", "🌈🌈", "👩🏽‍💻", "\u200B\u200D"]) expect(nameError(name).problem).toBe("empty");
  });

  it("refuses letters no bundled font has, rather than printing part of a name", () => {
    const error = nameError("Иван 李小龍");
    expect(error.problem).toBe("unsupported-characters");
    expect(error.characters).toEqual(["李", "小", "龍"]);
    expect(error.messageKey).toBe("certificate.name.unsupported-characters");
    expect(error.message).toMatch(/cannot print "李", "小", "龍"/);
  });

  it("accepts 200 characters and refuses more", () => {
    expect(printableName("a".repeat(200))).toHaveLength(200);
    expect(nameError("a".repeat(201)).problem).toBe("too-long");
  });
});
