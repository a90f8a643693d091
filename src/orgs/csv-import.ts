// Enrolment files: organisation admins upload `email,name[,language]` to enrol learners in a
// cohort. This turns the uploaded bytes into a preview — rows that can be enrolled, rows
// that cannot with every reason, and problems with the file as a whole — and never touches
// the database: the caller enrols `valid` in one transaction after the admin confirms.
//
// Steps: decode (csv-decode.ts) → one line-break style, NFC → pick the separator from the
// header line → width and cell limits (csv-size.ts) → records with line numbers
// (csv-records.ts, csv-parse) → header (csv-header.ts) → each row (csv-rows.ts, csv-cells.ts)
// → duplicates and existing members.
//
// Whenever `fileErrors` is not empty, `valid` and `rejected` are empty: nothing is enrolled
// from a file that could not be read as a whole.
//
// The caller must cap the upload's size (a few MB): the row limit is counted after parsing.
import { languageMatcher, NAME_MAX_LENGTH } from "./csv-cells.js";
import { decodeCsv } from "./csv-decode.js";
import { type Columns, readHeader } from "./csv-header.js";
import { type CsvRecord, type Delimiter, detectDelimiter, readRecords } from "./csv-records.js";
import { checkRow } from "./csv-rows.js";
import { checkCsvSize } from "./csv-size.js";
import type { Issue } from "./issues.js";

export type { Issue } from "./issues.js";
export type ImportRow = {
  line: number;
  email: string /* lowercased, trimmed */;
  name: string;
  language: string | null;
};
export type RejectedRow = { line: number; cells: string[]; reasons: Issue[] };
export type CsvImport = {
  fileErrors: Issue[];
  valid: ImportRow[];
  rejected: RejectedRow[];
  encoding: string;
  delimiter: Delimiter;
  warnings: Issue[];
};
export type EnrolmentCsvOptions = {
  /** Language codes learners may be given, e.g. SUPPORTED_LOCALES. */
  languages: readonly string[];
  /** Emails already in the cohort; compared ignoring case. */
  existingEmails?: ReadonlySet<string>;
  maxRows?: number /* default 10_000 */;
  maxNameLength?: number /* default 200 */;
};

export const MAX_ROWS = 10_000;

export function parseEnrolmentCsv(bytes: Uint8Array, options: EnrolmentCsvOptions): CsvImport {
  const decoded = decodeCsv(bytes);
  const base = { encoding: decoded.encoding, warnings: decoded.warnings };
  if (decoded.error) return { ...base, delimiter: ",", fileErrors: [decoded.error], valid: [], rejected: [] };

  // One line-break style for csv-parse's line counting; NFC so that "é" typed on a Mac (e +
  // accent) and on Windows (one character) compare equal in names and addresses.
  const text = decoded.text.normalize("NFC").replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  const fail = (...fileErrors: Issue[]): CsvImport => ({ ...base, delimiter, fileErrors, valid: [], rejected: [] });

  // Only separators and spaces (",,\n;;") is as empty as no bytes at all.
  if (!/[\p{L}\p{N}]/u.test(text)) return fail({ key: "csv.file.empty" });
  const tooBig = checkCsvSize(text, delimiter);
  if (tooBig) return fail(tooBig);
  const parsed = readRecords(text, delimiter);
  if (parsed.error) return fail(parsed.error);
  const [header, ...data] = parsed.records;
  if (!header) return fail({ key: "csv.file.empty" });
  const { columns, issues } = readHeader(header.cells, header.line);
  if (!columns) return fail(...issues);
  if (data.length === 0) return fail({ key: "csv.file.noRows" });
  const maxRows = options.maxRows ?? MAX_ROWS;
  if (data.length > maxRows) return fail({ key: "csv.file.tooManyRows", params: { found: data.length, max: maxRows } });

  return { ...base, delimiter, fileErrors: [], ...checkRows(data, columns, options) };
}

function checkRows(
  data: readonly CsvRecord[],
  columns: Columns,
  options: EnrolmentCsvOptions,
): { valid: ImportRow[]; rejected: RejectedRow[] } {
  const checkLanguage = languageMatcher(options.languages);
  const maxNameLength = options.maxNameLength ?? NAME_MAX_LENGTH;
  const existing = new Set([...(options.existingEmails ?? [])].map((e) => e.trim().toLowerCase()));
  const firstLineOf = new Map<string, number>();
  const valid: ImportRow[] = [];
  const rejected: RejectedRow[] = [];

  for (const record of data) {
    const { email, name, language, reasons } = checkRow(record, columns, checkLanguage, maxNameLength);
    if (email !== null) {
      // Later occurrences are the duplicates, whatever else is wrong with the first one:
      // fixing the first row must not turn the second into an enrolment.
      const firstLine = firstLineOf.get(email);
      if (firstLine === undefined) firstLineOf.set(email, record.line);
      else reasons.push({ key: "csv.row.duplicate", params: { line: record.line, email, firstLine } });
      if (existing.has(email)) reasons.push({ key: "csv.row.alreadyEnrolled", params: { line: record.line, email } });
    }
    if (reasons.length === 0 && email !== null && name !== null)
      valid.push({ line: record.line, email, name, language });
    else rejected.push({ line: record.line, cells: record.cells, reasons });
  }
  return { valid, rejected };
}
