import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCsv, reasonsOn } from "./csv-helpers.js";

const fixture = (name: string): Buffer => fs.readFileSync(path.resolve("tests/fixtures/csv", name));

describe("enrolment files as real programs write them", () => {
  it("reads a French Excel export: Windows-1252, semicolons, French headers", () => {
    const result = importCsv(fixture("french-excel-semicolon-1252.csv"));
    expect(result).toMatchObject({ encoding: "windows-1252", delimiter: ";", fileErrors: [] });
    expect(result.warnings).toEqual([
      { key: "csv.encoding.windows1252", params: { line: 2, text: "helene.dubois@asso-exemple.fr;Hélène Dubois;fr" } },
    ]);
    expect(result.valid).toEqual([
      { line: 2, email: "helene.dubois@asso-exemple.fr", name: "Hélène Dubois", language: "fr" },
      { line: 3, email: "francois.lefevre@asso-exemple.fr", name: "François Lefèvre", language: "fr" },
      { line: 4, email: "m.dartois@asso-exemple.fr", name: "Mathilde D’Artois", language: "fr" },
      { line: 5, email: "joel.coeur@asso-exemple.fr", name: "Joël Cœur", language: null },
      { line: 6, email: "chloe.martin@asso-exemple.fr", name: "Chloé Martin – coordination", language: "en" },
    ]);
    expect(result.rejected.map((r) => [r.line, r.reasons.map((i) => i.key)])).toEqual([
      [7, ["csv.row.duplicate"]],
      [8, ["csv.row.emailInvalid"]],
      [9, ["csv.row.formula"]],
    ]);
    expect(result.rejected.at(-1)?.cells[1]).toBe('=HYPERLINK("http://exemple.invalid";"Noémie")');
  });

  it('reads Excel "Unicode text": UTF-16 LE, tabs, Arabic names', () => {
    const result = importCsv(fixture("excel-unicode-text-utf16le.txt"));
    expect(result).toMatchObject({ encoding: "utf-16le", delimiter: "\t", fileErrors: [], warnings: [] });
    expect(result.valid.map((r) => [r.name, r.language])).toEqual([
      ["سارة حداد", "ar"],
      ["عمر بن علي", "ar"],
      ["Lina Khoury", "en"],
    ]);
    expect(reasonsOn(result, 5)).toEqual(["csv.row.emailInvalid"]);
  });

  it("reads a Google Sheets export: UTF-8, name first, quoted commas and line breaks", () => {
    const result = importCsv(fixture("google-sheets-utf8.csv"));
    expect(result).toMatchObject({ encoding: "utf-8", delimiter: ",", fileErrors: [], warnings: [] });
    expect(result.valid.map((r) => [r.line, r.name, r.email])).toEqual([
      [2, "Nakamura, Aiko", "aiko.nakamura@example.net"],
      [3, "João Silva", "joao.silva@example.net"],
      [4, 'Thandiwe "Thandi" Mokoena', "thandi@example.net"],
      [5, "Maria Dos Santos", "maria.dos.santos@example.net"],
      [9, "Ana Costa", "ana.costa@example.net"],
    ]);
    expect(result.rejected).toEqual([
      {
        line: 8,
        cells: ["Pedro Alves", "pedro.alves@example.net", "extra"],
        reasons: [{ key: "csv.row.tooManyColumns", params: { line: 8, expected: 2, found: 3 } }],
      },
    ]);
  });

  it('reads Excel "CSV UTF-8": byte-order mark, trailing empty rows, members already enrolled', () => {
    const result = importCsv(fixture("excel-csv-utf8-bom.csv"), {
      existingEmails: new Set(["existing.member@example.org"]),
    });
    expect(result).toMatchObject({ encoding: "utf-8", delimiter: ",", fileErrors: [], warnings: [] });
    expect(result.valid).toEqual([{ line: 2, email: "kofi.mensah@example.org", name: "Kofi Mensah", language: "en" }]);
    expect(reasonsOn(result, 3)).toEqual(["csv.row.languageUnknown"]); // tr is not offered
    expect(reasonsOn(result, 4)).toEqual(["csv.row.alreadyEnrolled"]);
  });
});
