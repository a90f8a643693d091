// Bytes → text for uploaded CSV files, whatever program wrote them:
// - UTF-8, with or without a byte-order mark (Excel "CSV UTF-8" adds one);
// - UTF-16 LE/BE with a BOM (Excel "Unicode text"), or without one when the first character
//   is ASCII, as a header nearly always is (the zero byte gives the order away);
// - anything that is not valid UTF-8 → Windows-1252, what Excel on Western-European Windows
//   writes by default ("CSV (séparateur: point-virgule)"), or Windows-1251, what it writes on
//   Russian-language Windows, when the bytes look Cyrillic (words are runs of 3 or more
//   high bytes, which Western-European names hardly ever are). A guess, so it comes with a
//   warning quoting a line with non-ASCII letters for the admin to check in the preview.
//   Both decode every byte, so a wrong guess shows as odd letters, never as an error.
// Workbooks (.xlsx, .ods, old .xls) and other binary files are refused with their own message.
import { excerpt, type Issue } from "./issues.js";

export type DecodedCsv = { text: string; encoding: string; warnings: Issue[]; error?: Issue };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .xlsx and .ods are zip files
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // old .xls
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) return failed("utf-8", { key: "csv.file.empty" });
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return failed("binary", { key: "csv.file.spreadsheet" });

  const unicode = decodeUnicode(bytes);
  if (unicode) return checkText({ ...unicode, warnings: [] });
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  if (looksCyrillic(body)) {
    const text = new TextDecoder("windows-1251").decode(body);
    return checkText({
      text,
      encoding: "windows-1251",
      warnings: [{ key: "csv.encoding.windows1251", params: firstNonAscii(text) }],
    });
  }
  const text = decodeWindows1252(body);
  const warning: Issue = { key: "csv.encoding.windows1252", params: firstNonAscii(text) };
  return checkText({ text, encoding: "windows-1252", warnings: [warning] });
}

/** Most letters ≥ 0xC0 stand in runs of three or more high bytes: Cyrillic words in Windows-1251. */
export function looksCyrillic(bytes: Uint8Array): boolean {
  let letters = 0;
  let inRuns = 0;
  let run = 0;
  const close = () => {
    if (run >= 3) inRuns += run;
    run = 0;
  };
  for (const byte of bytes) {
    if (byte >= 0x80) {
      run++;
      if (byte >= 0xc0) letters++;
    } else close();
  }
  close();
  return letters > 0 && inRuns >= letters * 0.6;
}

/** The text, when the bytes are UTF-16 or valid UTF-8; null otherwise. TextDecoder drops a BOM. */
function decodeUnicode(bytes: Uint8Array): { text: string; encoding: string } | null {
  const utf16 = utf16Order(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return null;
  }
}

function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (startsWith(bytes, [0xff, 0xfe])) return "utf-16le";
  if (startsWith(bytes, [0xfe, 0xff])) return "utf-16be";
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return "utf-16be";
  return null;
}

// Windows-1252 puts € ’ “ ” – — œ Œ … in 0x80–0x9F, where ISO-8859-1 has invisible controls.
// Node ≥ 20.18.3 and ≥ 22.13 decode the "windows-1252" label as ISO-8859-1 (nodejs/node#56542,
// #60888), so the 32 characters are mapped here; where Node is fixed this changes nothing.
// The five bytes Windows-1252 leaves undefined stay controls, as the WHATWG standard says.
const C1_AS_WINDOWS_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80]!);
}

function checkText(decoded: DecodedCsv): DecodedCsv {
  // Text files hold no NUL characters; binary ones (images, PDFs, zips without the usual header) do.
  if (decoded.text.includes("\u0000")) return failed(decoded.encoding, { key: "csv.file.binary" });
  if (decoded.text.trim() === "") return failed(decoded.encoding, { key: "csv.file.empty" });
  return decoded;
}

function firstNonAscii(text: string): { line: number; text: string } {
  const lines = text.split(/\r\n?|\n/);
  const index = Math.max(
    0,
    lines.findIndex((l) => /[^\x00-\x7f]/.test(l)),
  );
  return { line: index + 1, text: excerpt((lines[index] ?? "").trim()) };
}

const failed = (encoding: string, error: Issue): DecodedCsv => ({ text: "", encoding, warnings: [], error });
