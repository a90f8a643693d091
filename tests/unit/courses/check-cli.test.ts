// npm run courses:check as a trainer runs it: a course that lost its course.yaml fails
// (never "No errors"), and a flood of problems is cut to the first 100 with a count.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const FIXTURE = path.resolve("tests/fixtures/courses/valid");
let temp: string;

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-check-cli-"));
});
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

function check(dir: string): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/courses/check-cli.ts", dir], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe("npm run courses:check", () => {
  it("fails when the course folder it is pointed at has no course.yaml", () => {
    const course = path.join(temp, "lost");
    fs.cpSync(FIXTURE, course, { recursive: true });
    fs.rmSync(path.join(course, "course.yaml"));
    const { status, out } = check(course);
    expect(status).toBe(1);
    expect(out).toContain("course.yaml:1:1  course.yaml is missing, so this folder is not a course");
    expect(out).not.toContain("No errors");
  }, 60_000);

  it("prints the first 100 problems and how many more", () => {
    const course = path.join(temp, "flood");
    fs.cpSync(FIXTURE, course, { recursive: true });
    const links = Array.from({ length: 250 }, (_, i) => `[x](missing-${i}.md)`).join("\n\n");
    fs.appendFileSync(path.join(course, "basics/second.md"), `\n${links}\n`);
    const { status, out } = check(course);
    expect(status).toBe(1);
    expect(out.split("\n").filter((line) => line.includes("broken link"))).toHaveLength(100);
    expect(out).toContain("… and 150 more (fix these first; the checker lists at most 100)");
    expect(out).toContain("✗ 250 error(s), 0 warning(s)");
  }, 60_000);
});
