// CSV for people who open it in a spreadsheet (cohort lists, results).
// RFC 4180: CRLF after every record, a field is quoted when it holds a quote, the delimiter,
// CR or LF, and quotes inside are doubled. By default the text starts with a UTF-8 byte-order
// mark, without which Excel reads UTF-8 as the local code page (é → Ã©).
//
// Cell types decide neutralisation (OWASP "CSV injection"):
// - strings may come from learners (names, free text) → neutralizeCell, always, even when
//   they look numeric: "-1" typed by a learner is exported as '-1 (text), never as a number;
// - numbers come from our own code → written as they are: -3 is the number −3 and a
//   spreadsheet shows it as such (a minus sign followed by digits is not a formula).
//   JavaScript notation, "." decimal point; NaN and ±Infinity become empty cells;
// - null → an empty cell.
import { looksLikeFormula } from "./csv-formula.js";

export type CsvCell = string | number | null;
export type CsvExportOptions = {
  bom?: boolean /* default true, so Excel reads UTF-8 */;
  /** Default ",". ";" suits spreadsheets set to a decimal comma (French, German…). */
  delimiter?: "," | ";" | "\t";
};

const BOM = "\uFEFF";
const CRLF = "\r\n";

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvExportOptions = {},
): string {
  const delimiter = options.delimiter ?? ",";
  const lines = [header, ...rows].map((row) => row.map((cell) => formatCell(cell, delimiter)).join(delimiter));
  return (options.bom === false ? "" : BOM) + lines.map((line) => line + CRLF).join("");
}

/** Cells starting with = + - @ tab or CR get a leading ' (OWASP CSV injection advice). */
export function neutralizeCell(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

function formatCell(cell: CsvCell, delimiter: string): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return quote(neutralizeCell(cell), delimiter);
}

function quote(value: string, delimiter: string): string {
  const needsQuotes = value.includes('"') || value.includes(delimiter) || value.includes("\n") || value.includes("\r");
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}
