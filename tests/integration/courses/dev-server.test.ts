// The real server in development mode (what `npm run dev` runs, without tsx's restart on
// source changes): broken course content at start-up and at every save gives the problems
// page, fixes are picked up by themselves, and the process never exits.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_COURSES } from "../../helpers/context.js";

let temp: string;
let courses: string;
let server: ChildProcess;
let baseUrl: string;
let output = "";
const file = (rel: string) => path.join(courses, rel);
const ALIAS_BOMB = ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", ""].join("\n");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function page(url: string): Promise<{ status: number; text: string } | null> {
  try {
    const res = await fetch(baseUrl + url);
    return { status: res.status, text: await res.text() };
  } catch {
    return null; // not listening yet
  }
}

/** Polls a page until it satisfies the condition (no fixed sleeps); the server must stay up. */
async function waitForPage(url: string, ok: (text: string, status: number) => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    expect(server.exitCode, `the server exited:\n${output}`).toBeNull();
    const res = await page(url);
    if (res && ok(res.text, res.status)) return res.text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last answer ${res?.status}\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-dev-server-"));
  courses = path.join(temp, "courses");
  fs.cpSync(FIXTURE_COURSES, courses, { recursive: true });
  fs.writeFileSync(file("glossary.yaml"), ALIAS_BOMB);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: String(port),
      BASE_URL: baseUrl,
      DATA_DIR: path.join(temp, "data"),
      COURSES_DIR: courses,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
}, 30_000);

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(temp, { recursive: true, force: true });
}, 30_000);

describe("npm run dev with broken course content", () => {
  it("starts anyway, reloads on every save, and never exits", async () => {
    let text = await waitForPage("/", (_, status) => status === 200, "the server to start");
    expect(text).toContain("no course can be shown until");
    expect(text).toMatch(/glossary\.yaml:2:8 {2}YAML aliases/);

    fs.copyFileSync(path.join(FIXTURE_COURSES, "glossary.yaml"), file("glossary.yaml"));
    text = await waitForPage("/courses/fixture-course", (_, status) => status === 200, "the fixed course");
    expect(text).not.toContain('role="alert"');

    fs.writeFileSync(file("glossary.yaml"), ALIAS_BOMB);
    text = await waitForPage("/courses/fixture-course", (t) => t.includes('role="alert"'), "the broken save");
    expect(text).toContain("The last course edit has");
    expect(text).toMatch(/glossary\.yaml:2:8 {2}YAML aliases/);

    fs.copyFileSync(path.join(FIXTURE_COURSES, "glossary.yaml"), file("glossary.yaml"));
    fs.rmSync(file("course.yaml"));
    text = await waitForPage("/", (t) => t.includes("course.yaml is missing"), "the deleted course.yaml");

    fs.copyFileSync(path.join(FIXTURE_COURSES, "course.yaml"), file("course.yaml"));
    await waitForPage(
      "/courses/fixture-course",
      (t, s) => s === 200 && !t.includes('role="alert"'),
      "the restored course",
    );
    expect(server.exitCode).toBeNull();
  }, 180_000);
});
