// PDFs in tests: read their text with poppler's pdftotext, and download them through
// supertest as bytes.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type request from "supertest";

export function pdfText(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    fs.writeFileSync(file, bytes);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })
      .replace(/[\u200E\u200F\u202A-\u202E]/g, "") // poppler wraps right-to-left lines in bidi controls
      .normalize("NFC");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** supertest parser that keeps a binary body as a Buffer: `.buffer(true).parse(binaryBody)`. */
export const binaryBody = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => callback(null, Buffer.concat(chunks)));
};
