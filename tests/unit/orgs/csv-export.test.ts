import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralizeCell, toCsv } from "../../../src/orgs/csv-export.js";

const readBack = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: true });

describe("CSV export", () => {
  it("starts with a byte-order mark so Excel reads UTF-8, unless asked not to", () => {
    expect(toCsv(["a"], [])).toBe("\uFEFFa\r\n");
    expect(toCsv(["a"], [], { bom: false })).toBe("a\r\n");
  });

  it("ends every record with CRLF and quotes only the fields that need it", () => {
    const csv = toCsv(
      ["name", "note"],
      [
        ["Ana", "plain"],
        ["Dupont, Jean", 'says "hi"'],
        ["Line\nbreak", "cr\rhere"],
      ],
      { bom: false },
    );
    expect(csv).toBe('name,note\r\nAna,plain\r\n"Dupont, Jean","says ""hi"""\r\n"Line\nbreak","cr\rhere"\r\n');
  });

  it("round-trips through csv-parse, accents, Arabic and emoji included", () => {
    const rows = [
      ["Zoë Ångström", "zoe@example.org", 'She said "oui", then left'],
      ["سارة", "sara@example.org", "multi\r\nline"],
      ["Ana 🌱", "", ""],
    ];
    expect(readBack(toCsv(["name", "email", "note"], rows))).toEqual([["name", "email", "note"], ...rows]);
  });

  it("uses another delimiter on request, quoting cells that contain it", () => {
    const csv = toCsv(["a", "b"], [["x;y", 0.5]], { bom: false, delimiter: ";" });
    expect(csv).toBe('a;b\r\n"x;y";0.5\r\n');
    expect(parse(csv, { delimiter: ";" })).toEqual([
      ["a", "b"],
      ["x;y", "0.5"],
    ]);
  });

  it.each([
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=cmd",
    "\rhello",
    ' =HYPERLINK("http://x","y")',
    '=HYPERLINK("http://evil","Click")',
  ])("neutralises the dangerous cell %j with a leading quote", (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
    const [, row] = readBack(toCsv(["v"], [[value]]));
    expect(row).toEqual([`'${value}`]);
  });

  it("leaves harmless text alone", () => {
    for (const value of ["Ana", "a=b", "O'Brien", "'quoted", "", "  spaced", "1-2", "jean@example.org"]) {
      expect(neutralizeCell(value)).toBe(value);
    }
  });

  it("writes numbers as numbers: negative ones are not formulas and keep their sign", () => {
    const csv = toCsv(
      ["score", "delta", "zero"],
      [
        [0.75, -3, 0],
        [1e21, -0.5, -0],
      ],
      { bom: false },
    );
    expect(csv).toBe("score,delta,zero\r\n0.75,-3,0\r\n1e+21,-0.5,0\r\n");
  });

  it("neutralises numeric-looking strings, since strings may come from learners", () => {
    expect(toCsv(["v"], [["-3"]], { bom: false })).toBe("v\r\n'-3\r\n");
  });

  it("writes null, NaN and infinities as empty cells", () => {
    expect(toCsv(["a", "b", "c", "d"], [[null, Number.NaN, Number.POSITIVE_INFINITY, "x"]], { bom: false })).toBe(
      "a,b,c,d\r\n,,,x\r\n",
    );
  });

  it("neutralises header cells too", () => {
    expect(toCsv(["=bad"], [], { bom: false })).toBe("'=bad\r\n");
  });
});
