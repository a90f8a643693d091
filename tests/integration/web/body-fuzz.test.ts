// No request body can stop the server or draw a 5xx: every POST route the app serves
// (read from the router, so new routes are covered) gets malformed, truncated, oversized
// and mistyped bodies, anonymously and signed in as an organisation and platform admin.
// The upload routes must also answer truncated, malformed and aborted multipart bodies
// with a clear 4xx, store nothing, and keep serving. Runs against a real listening server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { gzipSync } from "node:zlib";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../../src/auth/session.js";
import { upsertMembership } from "../../../src/orgs/queries.js";
import { createUser, ORIGIN } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { createTestOrg, type TestOrg } from "../../helpers/orgs.js";
import { fillPath, listRoutes } from "../../helpers/routes.js";

let ctx: TestContext;
let org: TestOrg;
let server: http.Server;
let base: string;
let adminId: string;
let params: Record<string, string>;
let ipCounter = 0;

beforeAll(async () => {
  ctx = await createTestContext({ env: { TRUST_PROXY: "true" } });
  org = await createTestOrg(ctx, "fuzz");
  adminId = (await createUser(ctx, { role: "admin" })).id;
  await upsertMembership(ctx.db, org.org.id, adminId, "admin", ctx.deps.clock.now());
  const victim = await createUser(ctx);
  const course = ctx.deps.catalog.current.courseById.get("fixture-course")!;
  const module = course.modules.find((m) => m.quiz)!;
  params = {
    org: org.org.slug,
    cohort: org.cohort.slug,
    courseId: course.id,
    moduleId: module.id,
    lessonId: module.lessons[0]!.id,
    questionId: module.quiz!.questions[0]!.id,
    id: victim.id,
    userId: victim.id,
  };
  server = ctx.app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

/** A new client address per request (trusted from X-Forwarded-For here): no rate limit in the way. */
const nextIp = () => `198.51.100.${ipCounter++ % 250}, 10.0.${Math.floor(ipCounter / 250) % 250}.1`;

/** A fresh admin session per request: the fuzzed routes include "sign out everywhere". */
async function adminCookie(): Promise<string> {
  const { token } = await createSession(ctx.db, adminId, "fuzz", ctx.deps.clock.now());
  return `session=${token}`;
}

type Body = { name: string; type?: string; headers?: Record<string, string>; body: Buffer };

const B = "FuzzBoundary42";
const part = (name: string, filename: string | null, content: string) =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ""}\r\n` +
  `Content-Type: text/plain\r\n\r\n${content}\r\n`;
const multipart = `multipart/form-data; boundary=${B}`;
const FIELD_NAMES = ["identifier", "password", "credential", "code", "name", "email", "username", "displayName"];

const BODIES: Body[] = [
  { name: "empty, no type", body: Buffer.alloc(0) },
  { name: "broken percent escapes", type: "application/x-www-form-urlencoded", body: Buffer.from("%%%&&==%ZZ&a=%") },
  {
    name: "every field twice (arrays)",
    type: "application/x-www-form-urlencoded",
    body: Buffer.from(FIELD_NAMES.map((f) => `${f}=a&${f}=b`).join("&")),
  },
  {
    name: "oversized urlencoded",
    type: "application/x-www-form-urlencoded",
    body: Buffer.from(`credential=${"a".repeat(200_000)}`),
  },
  {
    name: "too many parameters",
    type: "application/x-www-form-urlencoded",
    body: Buffer.from(Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join("&")),
  },
  { name: "unsupported charset", type: "application/x-www-form-urlencoded; charset=utf-16", body: Buffer.from("a=b") },
  {
    name: "gzip header, garbage body",
    type: "application/x-www-form-urlencoded",
    headers: { "Content-Encoding": "gzip" },
    body: Buffer.from("not gzip at all"),
  },
  {
    name: "unknown encoding",
    type: "application/x-www-form-urlencoded",
    headers: { "Content-Encoding": "x-made-up" },
    body: Buffer.from("a=b"),
  },
  {
    name: "gzip bomb-ish (small, expands past the limit)",
    type: "application/x-www-form-urlencoded",
    headers: { "Content-Encoding": "gzip" },
    body: gzipSync(Buffer.from(`a=${"x".repeat(2_000_000)}`)),
  },
  { name: "JSON", type: "application/json", body: Buffer.from('{"identifier":{"$ne":1},"password":[1]}') },
  { name: "plain text", type: "text/plain", body: Buffer.from("identifier=a&password=b") },
  { name: "binary garbage", type: "application/octet-stream", body: Buffer.from([0, 255, 1, 254, 0, 0, 13, 10]) },
  { name: "multipart without boundary", type: "multipart/form-data", body: Buffer.from(part("a", null, "b")) },
  {
    name: "multipart cut off mid-part",
    type: multipart,
    body: Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nemail,na`),
  },
  {
    name: "multipart with a broken part header",
    type: multipart,
    body: Buffer.from(`--${B}\r\nthis is not a header\r\n\r\n\r\n--${B}--\r\n`),
  },
  {
    name: "multipart, two files and repeated fields",
    type: multipart,
    body: Buffer.from(
      `${part("file", "a.csv", "email,name\na@b.org,A")}${part("file", "b.csv", "x")}${part("code", null, "1")}` +
        `${part("code", null, "2")}--${B}--\r\n`,
    ),
  },
];
/** Sent to the upload routes only: other routes never read a multipart body, Node discards it. */
const OVERSIZED_UPLOAD: Body = {
  name: "multipart, file over every limit",
  type: multipart,
  body: Buffer.from(`${part("file", "big.csv", "a".repeat(3 * 1024 * 1024))}--${B}--\r\n`),
};

const postRoutes = () => listRoutes(ctx.app).filter((r) => r.method === "POST");

/** Plain node:http (lighter than supertest for thousands of requests): the status code. */
async function send(path: string, body: Body, signedIn: boolean): Promise<number> {
  const headers: Record<string, string> = {
    Origin: ORIGIN,
    "X-Forwarded-For": nextIp(),
    "Content-Length": String(body.body.length),
    ...body.headers,
  };
  if (body.type) headers["Content-Type"] = body.type;
  if (signedIn) headers.Cookie = await adminCookie();
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode!));
    });
    req.on("error", reject);
    req.end(body.body);
  });
}

describe("every POST route", () => {
  it("answers every malformed, mistyped or oversized body without a 5xx, and keeps serving", async () => {
    const routes = postRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const route of routes) {
      const path = fillPath(route.path, params);
      for (const body of BODIES)
        for (const signedIn of [false, true]) {
          const status = await send(path, body, signedIn);
          if (status >= 500)
            failures.push(`${status} POST ${path} (${body.name}, ${signedIn ? "admin" : "anonymous"})`);
        }
    }
    expect(failures).toEqual([]);
    await request(base).get("/healthz").expect(200);
  }, 600_000);
});

describe("the upload routes", () => {
  const uploadPaths = () => ["/verify", fillPath("/orgs/:org/cohorts/:cohort/import", params)];
  const storedImports = () => ctx.db.csvImport.count();

  const cases: { body: string; status: number; message: string }[] = [
    { body: "multipart cut off mid-part", status: 400, message: "cut off or damaged" },
    { body: "multipart with a broken part header", status: 400, message: "cut off or damaged" },
    { body: "multipart without boundary", status: 400, message: "cut off or damaged" },
    { body: "multipart, file over every limit", status: 413, message: "too large" },
  ];
  for (const { body: name, status, message } of cases)
    it(`answer a ${name} with ${status} and a clear message, storing nothing`, async () => {
      const body = [...BODIES, OVERSIZED_UPLOAD].find((b) => b.name === name)!;
      const before = await storedImports();
      for (const path of uploadPaths()) {
        const res = await request(base)
          .post(path)
          .set("Origin", ORIGIN)
          .set("X-Forwarded-For", nextIp())
          .set("Cookie", await adminCookie())
          .set("Content-Type", body.type!)
          .send(body.body);
        expect(res.status, path).toBe(status);
        expect(res.text).toContain(message);
        expect(res.text).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
      }
      expect(await storedImports()).toBe(before);
      await request(base).get("/healthz").expect(200);
    });

  it("answer a file one byte over the route's own limit with 413, storing nothing", async () => {
    const limits: [string, number][] = [
      ["/verify", 64 * 1024],
      [fillPath("/orgs/:org/cohorts/:cohort/import", params), 2 * 1024 * 1024],
    ];
    const before = await storedImports();
    for (const [path, limit] of limits) {
      const res = await request(base)
        .post(path)
        .set("Origin", ORIGIN)
        .set("X-Forwarded-For", nextIp())
        .set("Cookie", await adminCookie())
        .attach("file", Buffer.alloc(limit + 1, "a"), { filename: "big.csv", contentType: "text/csv" });
      expect(res.status, path).toBe(413);
      expect(res.text).toContain("too large");
    }
    expect(await storedImports()).toBe(before);
  });

  it("survive a client that disconnects in the middle of an upload", async () => {
    for (const path of uploadPaths()) {
      const closed = responseClosed(path);
      const socket = net.connect((server.address() as AddressInfo).port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nOrigin: ${ORIGIN}\r\nX-Forwarded-For: ${nextIp()}\r\n` +
          `Cookie: ${await adminCookie()}\r\nContent-Type: ${multipart}\r\nContent-Length: 100000\r\n\r\n` +
          `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nemail,name\n`,
      );
      // Wait until the body is being read, then hang up.
      await new Promise((resolve) => setImmediate(resolve));
      socket.destroy();
      await closed;
    }
    await request(base).get("/healthz").expect(200);
    await request(base).get("/verify").expect(200);
  });
});

/** Resolves when the server has closed its response to the next request for `path`. */
function responseClosed(path: string): Promise<void> {
  return new Promise((resolve) => {
    const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url !== path) return;
      server.off("request", onRequest);
      res.once("close", () => resolve());
    };
    server.on("request", onRequest);
  });
}
