// One fixture per kind of problem: the checker must name the right file, line, column
// and say what is wrong in words a trainer understands.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";

const fixtures = path.resolve("tests/fixtures/courses/problems");

type Expected = {
  kind: string;
  file: string;
  line: number;
  col: number;
  message: string;
  severity?: "error" | "warning";
};

const cases: Expected[] = [
  { kind: "yaml-syntax", file: "m/module.yaml", line: 6, col: 1, message: 'YAML syntax: Missing closing "quote' },
  { kind: "duplicate-yaml-key", file: "course.yaml", line: 3, col: 1, message: "YAML syntax: Map keys must be unique" },
  { kind: "unknown-key", file: "course.yaml", line: 9, col: 1, message: 'unknown key "colour"' },
  { kind: "missing-key", file: "m/module.yaml", line: 1, col: 1, message: 'missing required key "summary"' },
  { kind: "wrong-type", file: "m/lesson.md", line: 4, col: 10, message: "minutes: must be a number of minutes" },
  {
    kind: "unknown-question-type",
    file: "m/quiz.yaml",
    line: 5,
    col: 11,
    message: "type must be one of single_choice",
  },
  {
    kind: "duplicate-id",
    file: "m/other.md",
    line: 2,
    col: 5,
    message: 'duplicate lesson id "lesson" (first used at lesson.md:2)',
  },
  { kind: "missing-file", file: "m/module.yaml", line: 6, col: 5, message: 'file "missing.md" does not exist' },
  { kind: "broken-link", file: "m/lesson.md", line: 9, col: 24, message: 'broken link: "other.md" does not exist' },
  { kind: "unsafe-link", file: "m/lesson.md", line: 9, col: 9, message: 'not "javascript:alert(1)"' },
  {
    kind: "missing-image",
    file: "m/lesson.md",
    line: 9,
    col: 12,
    message: 'missing file: "media/chart.png" does not exist',
  },
  { kind: "image-without-alt", file: "m/lesson.md", line: 9, col: 2, message: 'image "media/dot.png" needs alt text' },
  {
    kind: "no-correct-answer",
    file: "m/quiz.yaml",
    line: 8,
    col: 7,
    message: 'question "q1": no option is marked correct',
  },
  {
    kind: "duplicate-option-id",
    file: "m/quiz.yaml",
    line: 9,
    col: 15,
    message: 'duplicate option id "a" (first used at line 8)',
  },
  { kind: "unknown-glossary-term", file: "m/lesson.md", line: 9, col: 13, message: 'unknown glossary term "mystery"' },
  {
    kind: "reserved-id",
    file: "m/lesson.md",
    line: 2,
    col: 5,
    message: "this id is reserved for the platform's own pages",
  },
  {
    kind: "unlisted-file",
    file: "m/notes.md",
    line: 1,
    col: 1,
    message: "not listed in course.yaml or any module.yaml",
    severity: "warning",
  },
];

describe("the course checker reports each kind of problem at its place", () => {
  it.each(cases)("$kind → $file:$line:$col", ({ kind, file, line, col, message, severity = "error" }) => {
    const dir = path.join(fixtures, kind);
    const { catalog, problems } = loadCatalog(dir);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(path.relative(dir, problem!.file)).toBe(file);
    expect({ line: problem!.line, col: problem!.col, severity: problem!.severity }).toEqual({ line, col, severity });
    expect(problem!.message).toContain(message);
    // Errors mean no catalog at all (the server refuses to start); a warning alone does not.
    expect(catalog === null).toBe(severity === "error");
  });

  it("collects every problem of a folder of broken courses in one run", () => {
    const { catalog, problems } = loadCatalog(fixtures);
    expect(catalog).toBeNull();
    const kinds = new Set(problems.map((p) => path.relative(fixtures, p.file).split(path.sep)[0]));
    expect(kinds.size).toBe(cases.length);
  });
});

describe("files that nothing lists but that are not forgotten", () => {
  it("does not report translations next to their source, or translation notes, as unlisted", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-translations-"));
    try {
      fs.cpSync(path.join(fixtures, "unlisted-file"), dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "m/lesson.fr.md"), "---\nid: lesson\ntitle: Leçon\n---\n\nTexte.\n");
      fs.writeFileSync(path.join(dir, "TRANSLATIONS.fr.md"), "# Notes for reviewers\n");
      fs.writeFileSync(path.join(dir, "TRANSLATIONS.fr.part2.md"), "# More notes for reviewers\n");
      fs.writeFileSync(path.join(dir, "m/orphan.fr.md"), "---\nid: orphan\ntitle: Orpheline\n---\n");
      const { problems } = loadCatalog(dir);
      // notes.md is still forgotten, and so is a "translation" of a file that does not exist.
      expect(problems.map((p) => path.relative(dir, p.file)).sort()).toEqual(["m/notes.md", "m/orphan.fr.md"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
