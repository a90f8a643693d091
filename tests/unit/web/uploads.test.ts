// readUpload settles on every way an upload can go wrong — never an unheard 'error' event
// (which kills the process), never a promise left waiting on a client that has gone.
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import type { Request } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "../../../src/web/errors.js";
import { readUpload } from "../../../src/web/uploads.js";

type Outcome = { ok: true; file: string | null; fields: Record<string, string> } | { ok: false; status: number };

let server: http.Server;
let port: number;
/** Each request's outcome, by the X-Case header the client sends. */
const outcomes = new Map<string, Promise<Outcome>>();
const LIMIT = 1024;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const name = String(req.headers["x-case"]);
    // "late" cases read the body only after the connection closed, as a route that was
    // still checking access would.
    const start =
      req.headers["x-late"] === "yes" ? new Promise((resolve) => req.once("close", resolve)) : Promise.resolve();
    const outcome = start
      .then(() =>
        readUpload(Object.assign(req, { get: (h: string) => req.headers[h.toLowerCase()] }) as unknown as Request, {
          maxFileBytes: LIMIT,
          fileField: "file",
        }),
      )
      .then(
        (u): Outcome => ({ ok: true, file: u.file?.bytes.toString() ?? null, fields: u.fields }),
        (e: unknown): Outcome => ({ ok: false, status: e instanceof HttpError ? e.status : 500 }),
      );
    outcomes.set(name, outcome);
    void outcome.then((o) => res.writeHead(o.ok ? 200 : o.status).end());
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const B = "b0undary";
const filePart = (content: string) =>
  `--${B}\r\nContent-Disposition: form-data; name="file"; filename="f.txt"\r\n\r\n${content}`;

/** Sends raw bytes, then either waits for the answer or hangs up; returns the server's outcome. */
async function raw(
  name: string,
  body: string,
  { length = Buffer.byteLength(body), hangUp = false, late = false } = {},
): Promise<Outcome> {
  const socket = net.connect(port, "127.0.0.1");
  socket.on("error", () => {}); // the server may close first on purpose
  await new Promise((resolve) => socket.once("connect", resolve));
  socket.write(
    `POST / HTTP/1.1\r\nHost: x\r\nX-Case: ${name}\r\nX-Late: ${late ? "yes" : "no"}\r\n` +
      `Content-Type: multipart/form-data; boundary=${B}\r\nContent-Length: ${length}\r\n\r\n${body}`,
  );
  if (hangUp) {
    await waitFor(() => outcomes.has(name));
    socket.destroy();
  }
  await waitFor(() => outcomes.has(name));
  const outcome = await outcomes.get(name)!;
  socket.destroy();
  return outcome;
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("readUpload", () => {
  it("reads a well-formed file and its fields", async () => {
    const body = `--${B}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n${filePart("abc")}\r\n--${B}--\r\n`;
    expect(await raw("good", body)).toEqual({ ok: true, file: "abc", fields: { note: "hello" } });
  });

  it("answers 400 when the body ends in the middle of the file", async () => {
    expect(await raw("truncated", filePart("only half a fi"))).toEqual({ ok: false, status: 400 });
  });

  it("answers 400 for a broken part header", async () => {
    expect(await raw("broken", `--${B}\r\nnot a header at all\r\n\r\nx\r\n--${B}--\r\n`)).toEqual({
      ok: false,
      status: 400,
    });
  });

  it("answers 413 for a file over the limit, and for a body declared larger than any allowed", async () => {
    const big = `${filePart("x".repeat(LIMIT + 1))}\r\n--${B}--\r\n`;
    expect(await raw("too-large", big)).toEqual({ ok: false, status: 413 });
    expect(await raw("declared-huge", "", { length: 50_000_000, hangUp: true })).toEqual({ ok: false, status: 413 });
  });

  it("settles with 400 when the client hangs up mid-upload, whenever the route starts reading", async () => {
    const partial = filePart("the client gives up here");
    expect(await raw("aborted", partial, { length: 5000, hangUp: true })).toEqual({ ok: false, status: 400 });
    expect(await raw("aborted-late", partial, { length: 5000, hangUp: true, late: true })).toEqual({
      ok: false,
      status: 400,
    });
  });
});
