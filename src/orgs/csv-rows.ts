// One data row of an enrolment file → its clean values, or every reason it cannot be
// imported (all of them at once, so the admin fixes a row in one go).
import { checkEmail, checkFormula, checkName, type LanguageCheck } from "./csv-cells.js";
import type { Columns } from "./csv-header.js";
import type { CsvRecord } from "./csv-records.js";
import type { Issue } from "./issues.js";

export type CheckedRow = { email: string | null; name: string | null; language: string | null; reasons: Issue[] };

export function checkRow(
  record: CsvRecord,
  columns: Columns,
  checkLanguage: LanguageCheck,
  maxNameLength: number,
): CheckedRow {
  const { line, cells } = record;
  const shape = checkShape(record, columns);
  // With the wrong number of cells the values are probably shifted: judging them would
  // only add confusing reasons ("not an email address: Dupont").
  if (shape) return { email: null, name: null, language: null, reasons: [shape] };

  const reasons: Issue[] = [];
  const cell = (index: number): { text: string; formula?: Issue } => {
    const text = cells[index] ?? "";
    return { text, formula: checkFormula(text, line, columns.titles[index] ?? "") };
  };
  const check = <T>(index: number, checker: (text: string) => { value?: T; issue?: Issue }): T | null => {
    const { text, formula } = cell(index);
    const result = formula ? { issue: formula } : checker(text);
    if (result.issue) reasons.push(result.issue);
    return result.value ?? null;
  };

  const email = check(columns.email, (text) => checkEmail(text, line));
  const name = check(columns.name, (text) => checkName(text, line, maxNameLength));
  const language = columns.language === null ? null : check(columns.language, (text) => checkLanguage(text, line));
  return { email, name, language, reasons };
}

function checkShape({ line, cells }: CsvRecord, columns: Columns): Issue | undefined {
  if (cells.length < columns.width)
    return { key: "csv.row.tooFewColumns", params: { line, expected: columns.width, found: cells.length } };
  // Cells past the last column may exist (trailing separators) but must be empty.
  let filled = cells.length;
  while (filled > columns.width && cells[filled - 1] === "") filled--;
  if (filled > columns.width)
    return { key: "csv.row.tooManyColumns", params: { line, expected: columns.width, found: filled } };
  return undefined;
}
