import { describe, expect, it } from "vitest";
import { columnLetter } from "../../../src/orgs/csv-header.js";
import { MAX_CELLS, MAX_COLUMNS } from "../../../src/orgs/csv-size.js";
import { MAX_FILE_ISSUES } from "../../../src/orgs/issues.js";
import { csvBytes, fileErrorKeys, importCsv } from "./csv-helpers.js";

const enrolOne = (header: string, row: string) => importCsv(csvBytes(header, row));

describe("enrolment files: the header row", () => {
  it.each([
    ["email,name,language", "a@example.org,Ana Lima,fr"],
    ["E-Mail,Full Name,LANGUAGE", "a@example.org,Ana Lima,fr"],
    ["Email address,Name,Lang", "a@example.org,Ana Lima,fr"],
    ["Courriel;Nom;Langue", "a@example.org;Ana Lima;fr"],
    ["Adresse électronique;Nom complet;langue", "a@example.org;Ana Lima;fr"],
    ["Correo electrónico,Nombre,Idioma", "a@example.org,Ana Lima,fr"],
    ["البريد الإلكتروني,الاسم,اللغة", "a@example.org,Ana Lima,fr"],
    ["  email  , name ,language", "a@example.org,Ana Lima,fr"],
    ["name,language,email", "Ana Lima,fr,a@example.org"],
  ])("recognises the header %j", (header, row) => {
    const result = enrolOne(header, row);
    expect(result.fileErrors).toEqual([]);
    expect(result.valid).toEqual([{ line: 2, email: "a@example.org", name: "Ana Lima", language: "fr" }]);
  });

  it("makes the language column optional", () => {
    expect(enrolOne("email,name", "a@example.org,Ana").valid).toEqual([
      { line: 2, email: "a@example.org", name: "Ana", language: null },
    ]);
  });

  it("asks for a header when the first line is a learner", () => {
    const result = importCsv(csvBytes("a@example.org,Ana", "b@example.org,Bo"));
    expect(result.fileErrors).toEqual([{ key: "csv.header.missing", params: { line: 1 } }]);
    expect(result).toMatchObject({ valid: [], rejected: [] });
  });

  it("counts the header's line from the top of the file, blank lines included", () => {
    const result = importCsv(csvBytes("", "", "a@example.org,Ana"));
    expect(result.fileErrors).toEqual([{ key: "csv.header.missing", params: { line: 3 } }]);
  });

  it("names what it found when the email or name column is missing", () => {
    expect(importCsv(csvBytes("name,language", "Ana,fr")).fileErrors).toEqual([
      { key: "csv.header.missingEmail", params: { found: "name, language" } },
    ]);
    expect(importCsv(csvBytes("email", "a@example.org")).fileErrors).toEqual([
      { key: "csv.header.missingName", params: { found: "email" } },
    ]);
  });

  it("refuses unknown columns, naming them by spreadsheet letter", () => {
    const result = importCsv(csvBytes("email,name,phone", "a@example.org,Ana,123"));
    expect(result.fileErrors).toEqual([{ key: "csv.header.unknownColumn", params: { column: "phone", letter: "C" } }]);
  });

  it("refuses a column given twice", () => {
    const result = importCsv(csvBytes("email,name,E-mail", "a@example.org,Ana,b@example.org"));
    expect(result.fileErrors).toEqual([
      { key: "csv.header.duplicateColumn", params: { column: "E-mail", letter: "C" } },
    ]);
  });

  it("asks for one name column when the name is split in first and last names", () => {
    const result = importCsv(csvBytes("Prénom;Nom;Email", "Ana;Lima;a@example.org"));
    expect(result.fileErrors).toEqual([{ key: "csv.header.splitName", params: { column: "Prénom", letter: "A" } }]);
    expect(fileErrorKeys(importCsv(csvBytes("first name,last name,email", "Ana,Lima,a@example.org")))).toEqual([
      "csv.header.splitName",
      "csv.header.splitName",
    ]);
  });

  it("reports every header problem at once", () => {
    expect(fileErrorKeys(importCsv(csvBytes("mail address,phone", "x")))).toEqual([
      "csv.header.unknownColumn",
      "csv.header.missingName",
    ]);
  });

  it("allows untitled columns after the last named one, but not between named ones", () => {
    expect(importCsv(csvBytes("email,name,,", "a@example.org,Ana,,")).valid).toHaveLength(1);
    expect(importCsv(csvBytes("email,,name", "a@example.org,x,Ana")).fileErrors).toEqual([
      { key: "csv.header.untitledColumn", params: { letter: "B" } },
    ]);
  });

  it("reports a header with no data rows", () => {
    expect(fileErrorKeys(importCsv(csvBytes("email,name")))).toEqual(["csv.file.noRows"]);
    expect(fileErrorKeys(importCsv(csvBytes("email,name", "", ",")))).toEqual(["csv.file.noRows"]);
  });
});

describe("enrolment files: absurd headers", () => {
  it("refuses a header of 200,000 cells at once with one short message, judging no cell", () => {
    const header = Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(",");
    const started = performance.now();
    const result = importCsv(csvBytes(header, "a@example.org,Ana"));
    expect(result.fileErrors).toEqual([{ key: "csv.file.tooManyColumns", params: { line: 1, max: MAX_COLUMNS } }]);
    expect(result).toMatchObject({ valid: [], rejected: [] });
    // csv-parse needs seconds for this header; the size check a few milliseconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a data line wider than 100 columns, naming the line", () => {
    const result = importCsv(csvBytes("email,name", "a@example.org,Ana", `b@example.org,Bo${",x".repeat(200)}`));
    expect(result.fileErrors).toEqual([{ key: "csv.file.tooManyColumns", params: { line: 3, max: MAX_COLUMNS } }]);
  });

  it("refuses a file of more than 200,000 cells, even in narrow lines", () => {
    const rows = Array.from({ length: 9000 }, (_, i) => `p${i}@example.org,P${i}${",".repeat(21)}`);
    const result = importCsv(csvBytes("email,name", ...rows));
    expect(result.fileErrors).toEqual([
      { key: "csv.file.tooManyCells", params: { found: 2 + 9000 * 23 + 1, max: MAX_CELLS } },
    ]);
  });

  it("accepts 100 columns when the extra ones are empty", () => {
    const result = importCsv(csvBytes(`email,name${",".repeat(MAX_COLUMNS - 2)}`, "a@example.org,Ana"));
    expect(result.fileErrors).toEqual([]);
    expect(result.valid).toHaveLength(1);
  });

  it("lists the first ten header problems and counts the rest", () => {
    const header = ["email", "name", ...Array.from({ length: 60 }, (_, i) => `extra${i}`)].join(",");
    const { fileErrors } = importCsv(csvBytes(header, "a@example.org,Ana"));
    expect(fileErrors).toHaveLength(MAX_FILE_ISSUES + 1);
    expect(fileErrors.slice(0, MAX_FILE_ISSUES).every((e) => e.key === "csv.header.unknownColumn")).toBe(true);
    expect(fileErrors.at(-1)).toEqual({ key: "csv.file.moreProblems", params: { count: 60 - MAX_FILE_ISSUES } });
  });

  it("quotes a very long column title cut short", () => {
    const { fileErrors } = importCsv(csvBytes(`email,name,${"x".repeat(10_000)}`, "a@example.org,Ana,1"));
    expect(fileErrors).toEqual([
      { key: "csv.header.unknownColumn", params: { column: `${"x".repeat(59)}…`, letter: "C" } },
    ]);
    const missing = importCsv(csvBytes(`name,${"y".repeat(10_000)}`, "Ana,1")).fileErrors;
    expect(String(missing.find((e) => e.key === "csv.header.missingEmail")?.params?.found).length).toBeLessThanOrEqual(
      200,
    );
  });
});

describe("spreadsheet column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
