import { describe, expect, it } from "vitest";
import { decodeWindows1252 } from "../../../src/orgs/csv-decode.js";
import { csvBytes, fileErrorKeys, importCsv, windows1252 } from "./csv-helpers.js";

const names = (result: ReturnType<typeof importCsv>) => result.valid.map((r) => r.name);

describe("enrolment files: encodings", () => {
  it("reads UTF-8 without warnings", () => {
    const result = importCsv(csvBytes("email,name", "zoe@example.org,Zoë Ångström"));
    expect(result).toMatchObject({ encoding: "utf-8", warnings: [], fileErrors: [] });
    expect(names(result)).toEqual(["Zoë Ångström"]);
  });

  it("drops a UTF-8 byte-order mark, so the first header is still recognised", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csvBytes("email,name", "zoe@example.org,Zoë")]);
    const result = importCsv(bytes);
    expect(result.fileErrors).toEqual([]);
    expect(result.valid).toEqual([{ line: 2, email: "zoe@example.org", name: "Zoë", language: null }]);
  });

  it('reads UTF-16 LE with a byte-order mark (Excel "Unicode text", tab-separated)', () => {
    const text = "\uFEFFemail\tname\r\nsara@example.org\tسارة حداد\r\n";
    const result = importCsv(Buffer.from(text, "utf16le"));
    expect(result).toMatchObject({ encoding: "utf-16le", delimiter: "\t", fileErrors: [] });
    expect(names(result)).toEqual(["سارة حداد"]);
  });

  it("reads UTF-16 BE with a byte-order mark", () => {
    const text = "\uFEFFemail,name\r\nzoe@example.org,Zoë\r\n";
    const result = importCsv(Buffer.from(text, "utf16le").swap16());
    expect(result).toMatchObject({ encoding: "utf-16be", fileErrors: [] });
    expect(names(result)).toEqual(["Zoë"]);
  });

  it("recognises UTF-16 without a byte-order mark from the zero bytes of the ASCII header", () => {
    const result = importCsv(Buffer.from("email,name\nzoe@example.org,Zoë\n", "utf16le"));
    expect(result.encoding).toBe("utf-16le");
    expect(names(result)).toEqual(["Zoë"]);
  });

  it("reads invalid UTF-8 as Windows-1252, with a warning quoting a line to check", () => {
    const result = importCsv(windows1252("email;nom\r\nophelie@example.fr;Ophélie D’Arc – Œuvre\r\n"));
    expect(result.encoding).toBe("windows-1252");
    // 0x92, 0x96 and 0x8C are ’ – Œ in Windows-1252 (control characters in ISO-8859-1)
    expect(names(result)).toEqual(["Ophélie D’Arc – Œuvre"]);
    expect(result.warnings).toEqual([
      { key: "csv.encoding.windows1252", params: { line: 2, text: "ophelie@example.fr;Ophélie D’Arc – Œuvre" } },
    ]);
  });

  it("maps every byte of 0x80–0x9F as Windows-1252 does, whatever Node's own decoder does", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // From Python's cp1252 codec; the five undefined bytes (81 8D 8F 90 9D) stay C1 controls (WHATWG).
    expect(decodeWindows1252(bytes)).toBe("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ");
    expect(decodeWindows1252(Uint8Array.of(0x41, 0xe9, 0xff))).toBe("Aéÿ");
  });

  it("ignores a UTF-8 byte-order mark in front of Windows-1252 bytes", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      windows1252("email,name\r\na@example.fr,Hélène\r\n"),
    ]);
    const result = importCsv(bytes);
    expect(result.encoding).toBe("windows-1252");
    expect(result.fileErrors).toEqual([]);
    expect(names(result)).toEqual(["Hélène"]);
  });

  it("reads Russian Excel files (Windows-1251) as Cyrillic, with a warning to check the letters", () => {
    // Windows-1251: А–я are 0xC0–0xFF, Ё 0xA8, ё 0xB8.
    const windows1251 = (text: string) =>
      Buffer.from(
        [...text].map((c) =>
          c === "Ё" ? 0xa8 : c === "ё" ? 0xb8 : c >= "А" && c <= "я" ? 0xc0 + c.charCodeAt(0) - 0x410 : c.charCodeAt(0),
        ),
      );
    const result = importCsv(
      windows1251("email;name\r\nanna@example.ru;Иванова Анна Фёдоровна\r\npetr@example.ru;Пётр Сидоров\r\n"),
    );
    expect(result.encoding).toBe("windows-1251");
    expect(names(result)).toEqual(["Иванова Анна Фёдоровна", "Пётр Сидоров"]);
    expect(result.warnings).toEqual([
      { key: "csv.encoding.windows1251", params: { line: 2, text: "anna@example.ru;Иванова Анна Фёдоровна" } },
    ]);
  });

  it("keeps Western-European files with many accents as Windows-1252", () => {
    const result = importCsv(
      windows1252(
        "email,name\r\nh@example.fr,Hélène Lefèvre-Éluard\r\nj@example.pt,João Gonçalves\r\nm@example.de,Jürgen Müßig\r\n",
      ),
    );
    expect(result.encoding).toBe("windows-1252");
    expect(names(result)).toEqual(["Hélène Lefèvre-Éluard", "João Gonçalves", "Jürgen Müßig"]);
  });

  it("treats names typed with combining accents and with precomposed ones alike (NFC)", () => {
    const result = importCsv(csvBytes("email,name", "a@example.org,Hele\u0300ne"));
    expect(result.valid[0]?.name).toBe("Hel\u00e8ne");
  });

  it("refuses workbooks with a message to save them as CSV", () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]);
    expect(fileErrorKeys(importCsv(xlsx))).toEqual(["csv.file.spreadsheet"]);
    expect(fileErrorKeys(importCsv(xls))).toEqual(["csv.file.spreadsheet"]);
  });

  it("refuses other binary files", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(fileErrorKeys(importCsv(png))).toEqual(["csv.file.binary"]);
  });

  it.each([
    ["no bytes", Buffer.alloc(0)],
    ["only a byte-order mark", Buffer.from([0xef, 0xbb, 0xbf])],
    ["only blank lines", Buffer.from("\r\n  \r\n\t\r\n")],
    ["only separators", Buffer.from(",,\r\n;;\r\n")],
  ])("reports an empty file: %s", (_, bytes) => {
    const result = importCsv(bytes);
    expect(fileErrorKeys(result)).toEqual(["csv.file.empty"]);
    expect(result).toMatchObject({ valid: [], rejected: [] });
  });
});

describe("enrolment files: separators", () => {
  it("detects semicolons (French spreadsheets), where commas are then just text", () => {
    const result = importCsv(csvBytes("email;nom;langue", "jean@example.fr;Dupont, Jean;fr"));
    expect(result.delimiter).toBe(";");
    expect(result.valid).toEqual([{ line: 2, email: "jean@example.fr", name: "Dupont, Jean", language: "fr" }]);
  });

  it("detects tabs", () => {
    const result = importCsv(csvBytes("email\tname", "jean@example.fr\tJean Dupont"));
    expect(result.delimiter).toBe("\t");
    expect(result.valid).toHaveLength(1);
  });

  it("uses commas by default, and ignores separators inside quoted header titles", () => {
    expect(importCsv(csvBytes("email,name", "a@example.org,A")).delimiter).toBe(",");
    expect(importCsv(csvBytes('"email;x",name;language;x', "a@example.org,A")).delimiter).toBe(";");
  });

  it("reads old Mac line ends (CR only) and mixed line ends", () => {
    const result = importCsv(Buffer.from("email,name\ra@example.org,A\r\nb@example.org,B\nc@example.org,C"));
    expect(result.valid.map((r) => [r.line, r.email])).toEqual([
      [2, "a@example.org"],
      [3, "b@example.org"],
      [4, "c@example.org"],
    ]);
  });
});
