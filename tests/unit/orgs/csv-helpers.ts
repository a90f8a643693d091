// Small factories for enrolment-file tests: bytes in, the preview out, reasons by line.
import { type CsvImport, type EnrolmentCsvOptions, parseEnrolmentCsv } from "../../../src/orgs/csv-import.js";

export const LANGUAGES = ["en", "fr", "ar", "pt-BR"] as const;

/** UTF-8 bytes of the lines joined with CRLF, as spreadsheets write them. */
export const csvBytes = (...lines: string[]): Buffer => Buffer.from(lines.join("\r\n") + "\r\n", "utf8");

export function importCsv(bytes: Uint8Array, options: Partial<EnrolmentCsvOptions> = {}): CsvImport {
  return parseEnrolmentCsv(bytes, { languages: LANGUAGES, ...options });
}

/** Import lines under the header "email,name,language". */
export const importRows = (...rows: string[]): CsvImport => importCsv(csvBytes("email,name,language", ...rows));

export function reasonsOn(result: CsvImport, line: number): string[] {
  const row = result.rejected.find((r) => r.line === line);
  if (!row)
    throw new Error(
      `line ${line} was not rejected; rejected lines: ${result.rejected.map((r) => r.line).join(", ") || "none"}`,
    );
  return row.reasons.map((r) => r.key);
}

export function fileErrorKeys(result: CsvImport): string[] {
  return result.fileErrors.map((e) => e.key);
}

/** Windows-1252 bytes: Latin-1 plus the few characters it places in 0x80–0x9F. */
export function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { "’": 0x92, œ: 0x9c, Œ: 0x8c, "–": 0x96, "—": 0x97, "€": 0x80, "…": 0x85 };
  return Buffer.from([...text].map((c) => extra[c] ?? c.charCodeAt(0)));
}
