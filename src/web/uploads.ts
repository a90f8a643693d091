// multipart/form-data for the few forms that take a file (a credential to verify, a CSV
// of learners). One file at most, a hard size limit, text fields alongside.
//
// Every way an upload can go wrong settles the promise with a 4xx HttpError and never
// leaves an 'error' event unheard (an unheard one kills the process):
// - malformed (no boundary, broken part header) or truncated (body ends mid-part) → 400;
// - aborted by the client (connection closed mid-body) → 400, for the log: nobody reads it;
// - a file, a field or the whole body over its limit → 413, as soon as it is known.
// After an early failure the rest of the body is read and thrown away, so the client,
// still sending, can read the answer (what Node and Express do for other bodies).
import busboy from "busboy";
import type { Request } from "express";
import { HttpError } from "./errors.js";

export type Upload = { fields: Record<string, string>; file: { name: string; bytes: Buffer } | null };

const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 100_000;
/** Room for the text fields and part headers around the file. */
const BODY_OVERHEAD_BYTES = MAX_FIELDS * 1000 + MAX_FIELD_BYTES;

export function isMultipart(req: Request): boolean {
  return (req.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

export function readUpload(
  req: Request,
  { maxFileBytes, fileField }: { maxFileBytes: number; fileField: string },
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const malformed = () => new HttpError(400, "error.upload.malformed");
    const tooLarge = () => new HttpError(413, "error.413.message");
    const maxBodyBytes = maxFileBytes + BODY_OVERHEAD_BYTES;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: maxFileBytes, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: 30 },
      });
    } catch {
      // No boundary, or not multipart at all: nothing was read, Node drains the body.
      return reject(malformed());
    }

    let settled = false;
    const fail = (error: HttpError) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      // Not from inside busboy's own event (it would crash on the stream it is writing to);
      // its own error, if any, reaches the listener below and is ignored.
      setImmediate(() => parser.destroy());
      if (!req.destroyed) req.resume(); // drain, so the client reads our answer
      reject(error);
    };

    const fields: Record<string, string> = {};
    let file: Upload["file"] = null;
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) return fail(tooLarge());
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => fail(tooLarge()));
      // A truncated body destroys the file stream with "Unexpected end of file".
      stream.on("error", () => fail(malformed()));
      stream.on("end", () => {
        // An empty file input still sends a part with no name and no bytes.
        if (name === fileField && info.filename) file = { name: info.filename, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on("error", () => fail(malformed()));
    parser.on("close", () => {
      if (settled) return;
      settled = true;
      resolve({ fields, file });
    });

    // The client may have hung up while the route was still checking access.
    if (req.destroyed && !req.complete) return fail(malformed());
    const declared = Number(req.get("Content-Length"));
    if (declared > maxBodyBytes) return fail(tooLarge());
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBodyBytes) fail(tooLarge());
    });
    req.on("error", () => fail(malformed()));
    // The connection closed before the body ended: the client gave up or was cut off.
    req.on("close", () => {
      if (!req.complete) fail(malformed());
    });
    req.pipe(parser);
  });
}
