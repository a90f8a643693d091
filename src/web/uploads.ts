// multipart/form-data for the few forms that take a file (a credential to verify, a CSV
// of learners). One file at most, a hard size limit, text fields alongside; over the
// limit → 413, like any other oversized body.
import busboy from "busboy";
import type { Request } from "express";
import { HttpError } from "./errors.js";

export type Upload = { fields: Record<string, string>; file: { name: string; bytes: Buffer } | null };

export function isMultipart(req: Request): boolean {
  return (req.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

export function readUpload(
  req: Request,
  { maxFileBytes, fileField }: { maxFileBytes: number; fileField: string },
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: maxFileBytes, fields: 20, fieldSize: 100_000 },
      });
    } catch {
      return reject(new HttpError(400, "error.400.message"));
    }
    const fields: Record<string, string> = {};
    let file: Upload["file"] = null;
    let tooLarge = false;
    parser.on("field", (name, value) => (fields[name] = value));
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => (tooLarge = true));
      stream.on("close", () => {
        // An empty file input still sends a part with no name and no bytes.
        if (name === fileField && info.filename && !tooLarge)
          file = { name: info.filename, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on("error", () => reject(new HttpError(400, "error.400.message")));
    parser.on("close", () => (tooLarge ? reject(new HttpError(413, "error.413.message")) : resolve({ fields, file })));
    req.pipe(parser);
  });
}
