// Property: whatever a trainer (or an attacker) does to the files of a course, the loader
// answers with problems at file:line:col — never an exception — and a catalog exactly when
// there are no errors. The long run is `npm run fuzz:courses`; this is its quick sibling.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMap, isSeq, parseDocument } from "yaml";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";

const FIXTURE = path.resolve("tests/fixtures/courses/valid");
const files = fs
  .readdirSync(FIXTURE, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => path.relative(FIXTURE, path.join(e.parentPath, e.name)))
  .sort();
const textFiles = files.filter((f) => /\.(md|ya?ml)$/.test(f));
const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f));

let temp: string;
let run = 0;
beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-property-"));
});
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

const TOKENS = ["*Breathing*", "&a ", "*a", "---\n", ": ", "- ", "[", "{", '"', "|\n", "\t", "\0", "\r\n", "<<: *a\n"];
const TOKENS_MD = ["](", "![x](", "[x](../../x.md)", "```video\n", ":::\n", "glossary:", "%zz", "\n> ", "[^1]"];

// What fuzzing found: values YAML reads as aliases, listed paths through a file or too long.
const RAW_VALUES = [
  "*Breathing*",
  "*a",
  "&a [x]",
  "[course.yaml]",
  `${"[".repeat(40)}x${"]".repeat(40)}`,
  "!!binary x",
];
const HAZARD_PATHS = ["course.yaml", "course.yaml/x.md", `${"a".repeat(4096)}.md`, "x\0y.md", "media", "glossary.yaml"];
const FILE_KEYS = /^(\s*-\s+|\s*(?:introduction|quiz|exercise|survey|glossary|file|transcript|src|captions):\s+)(.*)$/;

type Edit =
  | { kind: "insert"; file: string; at: number; text: string }
  | { kind: "yaml"; file: string; pick: number; value: unknown }
  | { kind: "delete"; file: string }
  | { kind: "replace"; file: string; text: string }
  | { kind: "raw"; file: string; pick: number; value: string }
  | { kind: "reference"; file: string; pick: number; value: string }
  | { kind: "link"; file: string; at: number; href: string; image: boolean };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    file: fc.constantFrom(...textFiles),
    at: fc.nat(),
    text: fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...TOKENS, ...TOKENS_MD)),
  }),
  fc.record({
    kind: fc.constant("yaml" as const),
    file: fc.constantFrom(...yamlFiles),
    pick: fc.nat(),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom("course.yaml", "../x.md", "/etc/passwd", "a".repeat(4096), "media", "x\0y.md"),
    ),
  }),
  fc.record({ kind: fc.constant("delete" as const), file: fc.constantFrom(...files) }),
  fc.record({
    kind: fc.constant("raw" as const),
    file: fc.constantFrom(...yamlFiles),
    pick: fc.nat(),
    value: fc.constantFrom(...RAW_VALUES),
  }),
  fc.record({
    kind: fc.constant("reference" as const),
    file: fc.constantFrom(...yamlFiles),
    pick: fc.nat(),
    value: fc.constantFrom(...HAZARD_PATHS),
  }),
  fc.record({
    kind: fc.constant("link" as const),
    file: fc.constantFrom(...textFiles.filter((f) => f.endsWith(".md"))),
    at: fc.nat(),
    href: fc.constantFrom(...HAZARD_PATHS, "%zz", "../../../x.png", "media/dot.png/x.png"),
    image: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("replace" as const),
    file: fc.constantFrom(...textFiles),
    text: fc.string({ unit: "binary", maxLength: 200 }),
  }),
);

function apply(dir: string, edit: Edit): void {
  const file = path.join(dir, edit.file);
  if (!fs.existsSync(file)) return;
  if (edit.kind === "delete") fs.rmSync(file);
  else if (edit.kind === "replace") fs.writeFileSync(file, edit.text);
  else fs.writeFileSync(file, edited(fs.readFileSync(file, "utf8"), edit));
}

function edited(text: string, edit: Exclude<Edit, { kind: "delete" | "replace" }>): string {
  const lines = text.split("\n");
  switch (edit.kind) {
    case "insert": {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case "link":
      lines.splice(edit.at % (lines.length + 1), 0, `${edit.image ? "!" : ""}[x](${edit.href})`);
      return lines.join("\n");
    case "raw":
    case "reference": {
      // Replace the value of one `key: value` line (or of a file listed under a key), unquoted.
      const pattern = edit.kind === "raw" ? /^(\s*(?:-\s+)?[a-z_]+:\s+)(.+)$/ : FILE_KEYS;
      const candidates = lines.flatMap((line, i) => (pattern.test(line) ? [i] : []));
      if (candidates.length === 0) return text;
      const i = candidates[edit.pick % candidates.length]!;
      lines[i] = lines[i]!.replace(pattern, (_, key: string) => key + edit.value);
      return lines.join("\n");
    }
    case "yaml":
      return editedYaml(text, edit);
  }
}

function editedYaml(text: string, edit: Extract<Edit, { kind: "yaml" }>): string {
  const doc = parseDocument(text);
  const paths = nodePaths(doc.contents, []);
  if (doc.errors.length > 0 || paths.length === 0) return text;
  doc.setIn(paths[edit.pick % paths.length]!, edit.value);
  return doc.toString();
}

function nodePaths(node: unknown, at: (string | number)[]): (string | number)[][] {
  if (isMap(node))
    return node.items.flatMap((pair) => {
      const key = String((pair.key as { value?: unknown }).value);
      return [[...at, key], ...nodePaths(pair.value, [...at, key])];
    });
  if (isSeq(node)) return node.items.flatMap((item, i) => [[...at, i], ...nodePaths(item, [...at, i])]);
  return [];
}

describe("the course loader on mutated courses (property)", () => {
  it("never throws; every problem has a file:line:col inside that file; a catalog exactly when there are no errors", () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 3 }), (edits) => {
        const dir = path.join(temp, `case-${run++}`);
        fs.cpSync(FIXTURE, dir, { recursive: true });
        for (const edit of edits) apply(dir, edit);
        const { catalog, problems } = loadCatalog(dir);
        for (const p of problems) {
          expect(path.isAbsolute(p.file)).toBe(true);
          expect(Number.isInteger(p.line) && p.line >= 1 && Number.isInteger(p.col) && p.col >= 1).toBe(true);
          const stat = fs.lstatSync(p.file, { throwIfNoEntry: false });
          // Inside the file: no line past its end (the +1 allows a problem at the end of a last line).
          if (stat?.isFile())
            expect(p.line).toBeLessThanOrEqual(fs.readFileSync(p.file, "utf8").split("\n").length + 1);
        }
        expect(catalog === null).toBe(problems.some((p) => p.severity === "error"));
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      // A fixed seed: the same cases on every run (LOADER_PROPERTY_SEED=n explores others).
      { numRuns: 50, seed: Number(process.env.LOADER_PROPERTY_SEED ?? 20261204) },
    );
  }, 120_000);
});
