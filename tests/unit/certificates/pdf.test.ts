import { execFileSync } from "node:child_process";
import jsqr from "jsqr";
import { afterAll, describe, expect, it } from "vitest";
import { composeCertificate, PAGE } from "../../../src/certificates/design.js";
import { loadFaces } from "../../../src/certificates/fonts.js";
import { CertificateNameError, renderCertificatePdf } from "../../../src/certificates/pdf.js";
import { layoutLine } from "../../../src/certificates/text-layout.js";
import { CODE, pdfFile, pdfInput, pdfText, pdfWords, removeTemporaryDirs } from "./factories.js";

afterAll(removeTemporaryDirs);

const MAX_BYTES = 200 * 1024;
const reversed = (text: string) => [...text].reverse().join("");

describe("the certificate PDF", () => {
  it("prints a Latin name, the course title and the code, as pdftotext reads them", async () => {
    const pdf = await renderCertificatePdf(pdfInput());
    const text = pdfText(pdf);
    expect(text).toContain("Éléonore Adébáyọ̀");
    expect(text).toContain("Drug decriminalisation: an e-course for activists");
    expect(text).toContain(CODE);
    expect(text).toContain("12 March 2026");
    expect(pdf.byteLength).toBeLessThanOrEqual(MAX_BYTES);
  });

  it("prints a Cyrillic name and a Russian page", async () => {
    const pdf = await renderCertificatePdf(
      pdfInput({
        language: "ru",
        name: "Юлия Александровна Ковалёва",
        courseTitle: "Декриминализация наркотиков",
        dateText: "12 марта 2026 г.",
      }),
    );
    const text = pdfText(pdf);
    expect(text).toContain("Юлия Александровна Ковалёва");
    expect(text).toContain("Декриминализация наркотиков");
    expect(text).toContain("Настоящий сертификат выдан");
    expect(text).toContain(CODE);
  });

  it("prints French accents, apostrophes and ligature-prone words intact", async () => {
    const pdf = await renderCertificatePdf(
      pdfInput({
        language: "fr",
        name: "Françoise d'Aubigné-Œuvray",
        courseTitle: "Décriminalisation : réflexions efficaces",
        dateText: "12 mars 2026",
      }),
    );
    const text = pdfText(pdf);
    expect(text).toContain("Françoise d'Aubigné-Œuvray");
    expect(text).toContain("Décriminalisation : réflexions efficaces");
    expect(text).toContain(CODE);
  });

  it("prints an Arabic name right to left: first word on the right, text read back in logical order", async () => {
    const name = "مريم بنت عبد الله الحسن";
    const pdf = await renderCertificatePdf(
      pdfInput({ language: "ar", name, courseTitle: "إلغاء تجريم المخدرات", dateText: "12 مارس 2026" }),
    );
    expect(pdfText(pdf)).toContain(name);
    expect(pdfText(pdf)).toContain("إلغاء تجريم المخدرات");
    // pdftotext -bbox lists words as drawn (left to right), so Arabic words come reversed.
    const words = pdfWords(pdf);
    const x = (word: string) => words.find((w) => w.text === reversed(word))!.xMin;
    expect(x("مريم")).toBeGreaterThan(x("بنت"));
    expect(x("بنت")).toBeGreaterThan(x("عبد"));
    expect(x("الله")).toBeGreaterThan(x("الحسن"));
    expect(pdf.byteLength).toBeLessThanOrEqual(MAX_BYTES);
  });

  it("shapes Arabic letters into their joined forms", () => {
    const [arabic] = loadFaces("regular").filter((face) => face.name === "arabic");
    const line = layoutLine("مريم", loadFaces("regular"), "rtl");
    expect(line.pieces).toHaveLength(1);
    expect(line.pieces[0]!.face).toBe(arabic);
    const run = arabic!.font.layout("مريم");
    const isolated = [..."مريم"].map((char) => arabic!.font.glyphForCodePoint(char.codePointAt(0)!).id);
    // Each of the four letters takes an initial or final form, none the isolated one.
    expect(run.glyphs).toHaveLength(4);
    expect(
      run.glyphs
        .map((glyph) => glyph.id)
        .reverse()
        .every((id, i) => id !== isolated[i]),
    ).toBe(true);
  });

  it("orders a name mixing Arabic and Latin visually right: the Latin part on the left", async () => {
    const pdf = await renderCertificatePdf(pdfInput({ language: "ar", name: "مريم Smith" }));
    const words = pdfWords(pdf);
    const smith = words.find((w) => w.text === "Smith")!;
    const maryam = words.find((w) => w.text === reversed("مريم") && Math.abs(w.yMin - smith.yMin) < 20)!;
    expect(smith.xMin).toBeLessThan(maryam.xMin);
  });

  it("lays an Arabic page out right to left: the QR code goes to the left", () => {
    const ltr = composeCertificate({ ...pdfInput(), language: "en" });
    const rtl = composeCertificate({ ...pdfInput({ language: "ar" }) });
    expect(ltr.qr.x).toBeGreaterThan(PAGE.width / 2);
    expect(rtl.qr.x).toBeLessThan(PAGE.width / 2);
  });

  it("handles combining marks, emoji and very long names", async () => {
    for (const name of [
      "Ŵ̃ Zoë q̣̇ Ḁ̈",
      "Zoë 🌈 O'Brien 👩🏽‍💻",
      "Ана-Мария ".repeat(18) + "Ли",
      "W".repeat(200),
      "مريم ".repeat(40),
    ]) {
      const pdf = await renderCertificatePdf(pdfInput({ name }));
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
      expect(pdf.byteLength).toBeLessThanOrEqual(MAX_BYTES);
      execFileSync("pdftoppm", ["-r", "20", "-png", pdfFile(pdf)]); // poppler can render it
    }
    expect(pdfText(await renderCertificatePdf(pdfInput({ name: "Zoë 🌈 O'Brien" })))).toContain("Zoë O'Brien");
  });

  it("wraps a long name onto two lines and shrinks it to fit the page", () => {
    const drawing = composeCertificate(pdfInput({ name: "Marie-Françoise ".repeat(12) + "Zoë" }));
    const nameLines = drawing.texts.filter((text) => text.line.text.includes("Marie-Françoise"));
    expect(nameLines).toHaveLength(2);
    for (const { line, x, size } of nameLines) {
      expect(x).toBeGreaterThan(40);
      expect(x + line.width * size).toBeLessThan(PAGE.width - 40);
    }
  });

  it("refuses a name with no printable character, with a typed error", async () => {
    await expect(renderCertificatePdf(pdfInput({ name: "🌈👩🏽‍💻" }))).rejects.toBeInstanceOf(CertificateNameError);
    await expect(renderCertificatePdf(pdfInput({ name: "🌈" }))).rejects.toMatchObject({ problem: "empty" });
  });

  it("draws a QR code that an independent decoder (jsQR) reads as the verification address", async () => {
    const input = pdfInput();
    const pdf = await renderCertificatePdf(input);
    const { qr } = composeCertificate(input);
    const dpi = 200;
    const scale = dpi / 72;
    // The code's area plus a margin as wide as the code: the decoder must find it by itself.
    const left = Math.max(0, Math.floor((qr.x - qr.size) * scale));
    const top = Math.max(0, Math.floor((PAGE.height - qr.y - 2 * qr.size) * scale));
    const side = Math.ceil(3 * qr.size * scale);
    const pgm = execFileSync("pdftoppm", [
      ...["-r", String(dpi), "-gray"],
      ...["-x", String(left), "-y", String(top), "-W", String(side), "-H", String(side)],
      pdfFile(pdf),
    ]);
    const image = readPgm(pgm);
    const decoded = jsqr.default(image.rgba, image.width, image.height);
    expect(decoded?.data).toBe(input.verifyUrl);
  });

  it("is the same bytes every time for the same certificate", async () => {
    const a = await renderCertificatePdf(pdfInput());
    const b = await renderCertificatePdf(pdfInput());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

/** A binary greyscale PGM (pdftoppm -gray) as RGBA pixels, the form jsQR reads. */
function readPgm(bytes: Buffer): { rgba: Uint8ClampedArray; width: number; height: number } {
  const header = bytes.toString("latin1", 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error("not a PGM image");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = bytes.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([grey[i]!, grey[i]!, grey[i]!, 255], i * 4);
  return { rgba, width, height };
}
