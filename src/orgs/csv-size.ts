// How wide and how full an enrolment file may be, checked before csv-parse sees it.
// csv-parse costs about 3 µs a cell: a 2 MB upload of "a,a,a,…" is a million cells and
// seconds of a busy server, and a header of 100,000 cells became 100,000 "unknown column"
// messages (a 13.8 MB page). Email, name and language need three columns; spreadsheets
// add a few empty ones; 10,000 learners of even 20 columns are 200,000 cells.
//
// Separators are counted without regard to quotes: a quoted name may hold a comma, so the
// count can only be too high by the few commas in names, never too low.
import type { Delimiter } from "./csv-records.js";
import type { Issue } from "./issues.js";

export const MAX_COLUMNS = 100;
export const MAX_CELLS = 200_000;

/** The first reason the file is too wide or too full to read, or undefined. */
export function checkCsvSize(text: string, delimiter: Delimiter): Issue | undefined {
  let cells = 0;
  let line = 1;
  let onLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 10 /* \n */) {
      cells += onLine;
      line++;
      onLine = 1;
    } else if (char === delimiter.charCodeAt(0)) {
      onLine++;
      if (onLine > MAX_COLUMNS) return { key: "csv.file.tooManyColumns", params: { line, max: MAX_COLUMNS } };
    }
  }
  cells += onLine;
  if (cells > MAX_CELLS) return { key: "csv.file.tooManyCells", params: { found: cells, max: MAX_CELLS } };
  return undefined;
}
