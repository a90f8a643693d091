// Text → records with their line numbers, through csv-parse. Line numbers are what admins
// see in their spreadsheet (the header is line 1), counted at the start of a record even
// when a quoted cell spans several lines.
import { CsvError, parse } from "csv-parse/sync";
import type { Issue } from "./issues.js";

export type Delimiter = "," | ";" | "\t";
export type CsvRecord = { line: number; cells: string[] };

const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"]; // on a tie, the first wins
const QUOTE_ERRORS = new Set([
  "CSV_QUOTE_NOT_CLOSED",
  "CSV_INVALID_CLOSING_QUOTE",
  "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
  "INVALID_OPENING_QUOTE",
]);

/** Line breaks must already be "\n" (see csv-import.ts): line counting relies on it. */
export function readRecords(
  text: string,
  delimiter: Delimiter,
): { records: CsvRecord[]; error?: undefined } | { records?: undefined; error: Issue } {
  const records: CsvRecord[] = [];
  let lastLine = 0;
  try {
    parse(text, {
      delimiter,
      trim: true, // spaces around cells, also around quoted ones: `a@b.org, "Dupont, Jean"`
      relax_quotes: true, // a quote inside an unquoted cell is text: Jean "Jo" Dupont
      relax_column_count: true, // column counts are checked per row, with a message
      skip_empty_lines: true,
      skip_records_with_empty_values: true, // ",,," lines that spreadsheets leave behind
      on_record: (cells: string[], context) => {
        lastLine = context.lines; // the line the record ends on
        // Unquoted cells cannot hold a line break, so the breaks inside quoted cells tell
        // how many lines the record spans.
        const breaks = cells.reduce((n, cell) => n + countBreaks(cell), 0);
        const trimmed = cells.map((cell) => cell.trim()); // csv-parse leaves no-break spaces
        if (trimmed.some((cell) => cell !== "")) records.push({ line: context.lines - breaks, cells: trimmed });
        return null; // collected above; csv-parse keeps nothing
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = nextContentLine(text, lastLine);
    return {
      error: { key: QUOTE_ERRORS.has(error.code) ? "csv.file.badQuotes" : "csv.file.unreadable", params: { line } },
    };
  }
  return { records };
}

/**
 * The separator used by the header line (the first line with a letter or digit): the most
 * frequent of , ; and tab outside quotes. French Excel writes ";", "Unicode text" tabs.
 */
export function detectDelimiter(text: string): Delimiter {
  const header = text.split("\n", 50).find((line) => /[\p{L}\p{N}]/u.test(line)) ?? "";
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

function countBreaks(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}

/** Where a broken record starts: the first line after the last good record with content. */
function nextContentLine(text: string, lastLine: number): number {
  const lines = text.split("\n");
  for (let i = lastLine; i < lines.length; i++) if (/[^\s,;]/u.test(lines[i]!)) return i + 1;
  return lastLine + 1;
}
