// Inputs that used to crash the loader (found by fuzzing) or leak files: each one must give
// a problem at file:line:col in words a trainer understands, and no catalog at all.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";
import { formatFirstProblems, MAX_PROBLEMS_SHOWN, type Problem } from "../../../src/courses/problems.js";

const FIXTURE = path.resolve("tests/fixtures/courses/valid");
let temp: string;
let course: string;
let outside: string;
const SECRET = "TEST-SECRET-do-not-publish";

beforeEach(() => {
  temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sendero-hostile-")));
  course = path.join(temp, "course");
  fs.cpSync(FIXTURE, course, { recursive: true });
  // A file outside the course, inside our own temp dir: links point here, never at system files.
  outside = path.join(temp, "outside-secret.txt");
  fs.writeFileSync(outside, SECRET);
});
afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

const file = (rel: string) => path.join(course, rel);
const edit = (rel: string, change: (text: string) => string) =>
  fs.writeFileSync(file(rel), change(fs.readFileSync(file(rel), "utf8")));

/** Loads, expects no catalog, and returns the errors as `relative:line:col  message`. */
function errorsOf(dir = course): string[] {
  const { catalog, problems } = loadCatalog(dir);
  expect(catalog).toBeNull();
  const errors = problems.filter((p: Problem) => p.severity === "error");
  for (const p of errors) expect(p.line >= 1 && p.col >= 1).toBe(true);
  return errors.map((p) => `${path.relative(dir, p.file)}:${p.line}:${p.col}  ${p.message}`);
}

describe("YAML that would exhaust or confuse the loader", () => {
  it("refuses an alias bomb with a clear message at the first alias", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [name, prev] of [..."bcdefghi"].map((c, i) => [c, "abcdefgh"[i]!])) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    fs.writeFileSync(file("glossary.yaml"), `${bomb.join("\n")}\n`);
    // One problem for the whole bomb, not one per alias (the lesson's glossary link fails too).
    expect(errorsOf().filter((e) => e.startsWith("glossary.yaml"))).toEqual([
      'glossary.yaml:2:8  YAML aliases ("*a") are not allowed in course files: write the value out in full (72 aliases in this file)',
    ]);
  });

  it("explains that markdown emphasis read as a YAML alias must be quoted", () => {
    edit("basics/quiz.yaml", (t) => t.replace("explanation: Because it is right.", "explanation: *Breathing*"));
    const errors = errorsOf();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^basics\/quiz\.yaml:14:18 {2}"\*Breathing\*" looks like markdown emphasis/);
    expect(errors[0]).toContain("put the whole value in quotes");
  });

  it("gives the same hint when emphasis starts a longer value (a YAML syntax error too)", () => {
    edit("basics/quiz.yaml", (t) => t.replace("explanation: Because it is right.", "explanation: *Slowly* is right"));
    const errors = errorsOf();
    expect(
      errors.some((e) => e.startsWith("basics/quiz.yaml:14:18") && e.includes("looks like markdown emphasis")),
    ).toBe(true);
  });

  it("refuses nesting deeper than any course file needs", () => {
    edit("basics/module.yaml", (t) => `${t}extra: ${"[".repeat(5000)}1${"]".repeat(5000)}\n`);
    expect(errorsOf()).toContainEqual(
      expect.stringMatching(/^basics\/module\.yaml:13:\d+ {2}YAML: nested far too deeply to read; course files never/),
    );
    edit("basics/module.yaml", (t) => t.replace(/extra: .*\n/, `extra: ${"[".repeat(30)}1${"]".repeat(30)}\n`));
    expect(errorsOf()).toContainEqual(
      "basics/module.yaml:13:27  nested more than 20 levels deep; course files never need more than 20 levels",
    );
  });

  it("refuses a list longer than the limit, at the list", () => {
    const many = Array.from({ length: 1500 }, (_, i) => `  - l${i}.md`).join("\n");
    edit("basics/module.yaml", (t) => t.replace("lessons:\n  - first.md\n  - second.md", `lessons:\n${many}`));
    expect(errorsOf()).toEqual(["basics/module.yaml:6:3  this has 1,500 items; the limit is 1,000"]);
  });

  it("refuses a text file over 256 KB where it is listed", () => {
    edit("basics/second.md", (t) => t + "x".repeat(300 * 1024));
    expect(errorsOf()).toContainEqual('basics/module.yaml:7:5  file "second.md" is 301 KB; the limit is 256 KB');
  });

  it("refuses a text file over 5,000 lines (a 48,000-row table took 8 s to render)", () => {
    edit("basics/second.md", (t) => `${t}\n|a|b|\n|-|-|\n${"|x|y|\n".repeat(6000)}`);
    expect(errorsOf()).toContainEqual('basics/module.yaml:7:5  file "second.md" has 6,013 lines; the limit is 5,000');
  });
});

describe("paths that are not files", () => {
  it("reports a module listed as a file (ENOTDIR) at its place in course.yaml", () => {
    edit("course.yaml", (t) => t.replace("  - basics\n", "  - course.yaml\n"));
    expect(errorsOf()).toContainEqual(
      'course.yaml:13:5  module folder file "course.yaml/module.yaml" does not exist (part of its path is a file, not a folder)',
    );
  });

  it("reports a 4 KB link (ENAMETOOLONG) at the link, shortened", () => {
    const long = `${"a".repeat(4096)}.png`;
    edit("basics/second.md", (t) => `${t}\n![long](${long})\n`);
    const errors = errorsOf();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^basics\/second\.md:11:9 {2}"a{119}…" is not a valid path: it is too long$/);
  });

  it("reports a listed file that is a folder", () => {
    fs.rmSync(file("basics/second.md"));
    fs.mkdirSync(file("basics/second.md"));
    expect(errorsOf()).toContainEqual('basics/module.yaml:7:5  file "second.md" is a folder, not a file');
  });
});

describe("a course that lost its course.yaml", () => {
  it("is an error when the checker is pointed at the course folder itself", () => {
    fs.rmSync(file("course.yaml"));
    expect(errorsOf()).toEqual([
      "course.yaml:1:1  course.yaml is missing, so this folder is not a course: restore it, or rename the folder to start with _ to leave it out",
    ]);
  });

  it("is an error in a folder of courses", () => {
    fs.rmSync(file("course.yaml"));
    expect(errorsOf(temp)).toEqual([
      "course/course.yaml:1:1  course.yaml is missing, so this folder is not a course: restore it, or rename the folder to start with _ to leave it out",
    ]);
  });

  it("is not confused by a README beside the courses", () => {
    fs.rmSync(outside);
    fs.writeFileSync(path.join(temp, "README.md"), "# Our courses\n");
    const { catalog, problems } = loadCatalog(temp);
    expect(problems).toEqual([]);
    expect(catalog?.courses.map((c) => c.id)).toEqual(["fixture-course"]);
  });

  it("is not an error for a folder whose name starts with _ (kept out on purpose)", () => {
    fs.rmSync(outside);
    fs.cpSync(course, path.join(temp, "_drafts"), { recursive: true });
    fs.rmSync(path.join(temp, "_drafts", "course.yaml"));
    expect(loadCatalog(temp).problems).toEqual([]);
  });
});

describe("symbolic links out of the course", () => {
  it("refuses a linked media file that points outside the course, where it is used and at the link", () => {
    fs.symlinkSync(outside, file("basics/media/notes.txt"));
    edit("basics/second.md", (t) => `${t}\nSee [the notes](media/notes.txt).\n`);
    const errors = errorsOf();
    expect(errors).toEqual([
      expect.stringMatching(
        /^basics\/media\/notes\.txt:1:1 {2}this symbolic link leads outside the course folder .*copy the file in instead$/,
      ),
      expect.stringMatching(
        /^basics\/second\.md:11:17 {2}"media\/notes\.txt" is a symbolic link to a place outside this course's folder/,
      ),
    ]);
  });

  it("refuses such a link even when nothing uses it yet", () => {
    fs.symlinkSync(outside, file("resources/key.pem"));
    expect(errorsOf()).toEqual([expect.stringMatching(/^resources\/key\.pem:1:1 {2}this symbolic link leads outside/)]);
  });

  it("refuses a lesson, a module folder or course.yaml that links outside", () => {
    const elsewhere = path.join(temp, "elsewhere");
    fs.cpSync(file("basics"), elsewhere, { recursive: true });
    fs.rmSync(file("basics"), { recursive: true });
    fs.symlinkSync(elsewhere, file("basics"));
    expect(errorsOf()).toContainEqual(
      expect.stringMatching(
        /^course\.yaml:13:5 {2}module folder file "basics\/module\.yaml" is a symbolic link to a place outside/,
      ),
    );

    fs.rmSync(file("basics"));
    fs.cpSync(elsewhere, file("basics"), { recursive: true });
    fs.rmSync(file("course.yaml"));
    fs.copyFileSync(path.join(FIXTURE, "course.yaml"), path.join(temp, "course-elsewhere.yaml"));
    fs.symlinkSync(path.join(temp, "course-elsewhere.yaml"), file("course.yaml"));
    expect(errorsOf()).toContainEqual(
      expect.stringMatching(/^course\.yaml:1:1 {2}file "course\.yaml" is a symbolic link to a place outside/),
    );
  });

  it("accepts a link that stays inside the course", () => {
    fs.symlinkSync("../../basics/media/dot.png", file("advanced/media/dot-again.png"));
    edit("basics/second.md", (t) => `${t}\n![A dot](../advanced/media/dot-again.png)\n`);
    const { catalog, problems } = loadCatalog(course);
    expect(problems).toEqual([]);
    expect(catalog).not.toBeNull();
  });
});

describe("a file with thousands of problems", () => {
  it("lists the first ones, errors first, and says how many more there are", () => {
    const links = Array.from({ length: 2000 }, (_, i) => `[x](missing-${i}.md)`).join("\n\n");
    edit("basics/second.md", (t) => `${t}\n${links}\n`);
    const { problems } = loadCatalog(course);
    expect(problems.length).toBeGreaterThanOrEqual(2000);
    const { lines, more } = formatFirstProblems(problems, { relativeTo: course });
    expect(lines).toHaveLength(MAX_PROBLEMS_SHOWN);
    expect(lines[0]).toBe('basics/second.md:11:5  broken link: "missing-0.md" does not exist');
    expect(more).toBe(problems.length - MAX_PROBLEMS_SHOWN);
  });
});
