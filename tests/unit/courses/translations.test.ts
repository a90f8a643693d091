// Translations: the loader builds each declared language over the same ids, falls back to
// the source page by page, and reports every translation problem at the translation's
// file:line:col (errors for mismatches, a warning for a stale translation).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Course, QuizQuestion } from "../../../src/courses/catalog.js";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";
import { coverageRows, formatCoverage } from "../../../src/courses/translations/coverage.js";

const fixture = path.resolve("tests/fixtures/courses/translated");

describe("a course in several languages", () => {
  const { catalog, problems } = loadCatalog(fixture);
  const course = catalog?.courseById.get("translated-course") as Course;
  const fr = course.translations?.get("fr") as Course;
  const ar = course.translations?.get("ar") as Course;
  const ru = course.translations?.get("ru") as Course;
  const question = (c: Course, id: string) => c.modules[0]!.quiz!.questions.find((q) => q.id === id) as QuizQuestion;

  it("loads without problems and keeps the source course as the catalog's entry", () => {
    expect(problems).toEqual([]);
    expect(course.title).toBe("Translated course");
    expect([...course.translations!.keys()]).toEqual(["fr", "ar", "ru"]);
  });

  it("gives each language the same ids, URLs and answer key, with translated text", () => {
    expect(fr.id).toBe(course.id);
    expect(fr.language).toBe("fr");
    expect(fr.title).toBe("Cours traduit");
    expect(fr.modules.map((m) => m.title)).toEqual(["Les bases"]);
    expect(fr.modules[0]!.lessons.map((l) => [l.id, l.url])).toEqual(
      course.modules[0]!.lessons.map((l) => [l.id, l.url]),
    );
    expect(fr.modules[0]!.lessons[0]!.html).toContain('<h2 id="pourquoi-c-est-important"');
    const meaning = question(fr, "q-meaning");
    expect(meaning.type === "single_choice" && meaning.options.map((o) => [o.id, o.correct])).toEqual([
      ["reduce", true],
      ["punish", false],
    ]);
    const name = question(fr, "q-name");
    expect(name.type === "short_text" && name.accepted).toEqual(["réduction des risques", "réduction des méfaits"]);
    expect(fr.glossary.map((t) => t.term)).toEqual(["Réduction des risques", "Décriminalisation"]);
  });

  it("resolves links from a translation to the same pages, with the translated glossary title", () => {
    const html = fr.modules[0]!.lessons[0]!.html;
    expect(html).toContain('href="/courses/translated-course/basics/second-lesson#les-details"');
    expect(html).toContain("Politiques et pratiques qui réduisent");
  });

  it("shows the source for pages that are not translated yet, and lists them", () => {
    const [first, second] = ar.modules[0]!.lessons;
    expect(first!.title).toBe("ما هو الحد من الضرر");
    expect(second!.title).toBe("Going further");
    expect([...ar.translation!.fallbacks].sort()).toEqual(
      [course.modules[0]!.url, second!.url, `${course.url}/glossary`].sort(),
    );
    expect(fr.translation!.fallbacks.size).toBe(0);
    expect(ru.title).toBe(course.title);
    expect(ru.translation!.files.every((f) => f.state === "missing")).toBe(true);
  });
});

type Mutation = { file: string; from: string | RegExp; to: string };
type Case = {
  kind: string;
  change: Mutation;
  file: string;
  line: number;
  col: number;
  message: string;
  severity?: "error" | "warning";
};

const cases: Case[] = [
  {
    kind: "an option id that differs",
    change: { file: "basics/quiz.fr.yaml", from: "id: punish", to: "id: penalise" },
    file: "basics/quiz.fr.yaml",
    line: 15,
    col: 13,
    message:
      'the ids in "questions[0].options" differ from the source (missing "punish"; not in the source: "penalise")',
  },
  {
    kind: "a missing question",
    change: { file: "basics/quiz.fr.yaml", from: / {2}- id: q-share[\s\S]*$/, to: "" },
    file: "basics/quiz.fr.yaml",
    line: 7,
    col: 3,
    message: 'the ids in "questions" differ from the source (missing "q-share")',
  },
  {
    kind: "a question id that differs",
    change: { file: "basics/quiz.fr.yaml", from: "id: q-name", to: "id: q-meaning-2" },
    file: "basics/quiz.fr.yaml",
    line: 17,
    col: 9,
    message: 'missing "q-name"; not in the source: "q-meaning-2"',
  },
  {
    kind: "options in another order",
    change: { file: "basics/quiz.fr.yaml", from: /id: reduce([\s\S]*?)id: punish/, to: "id: punish$1id: reduce" },
    file: "basics/quiz.fr.yaml",
    line: 12,
    col: 13,
    message: "same ids in another order; keep the source's order",
  },
  {
    kind: "a changed answer key",
    change: { file: "basics/quiz.fr.yaml", from: "answer: 0.5", to: "answer: 0.25" },
    file: "basics/quiz.fr.yaml",
    line: 28,
    col: 13,
    message: '"questions[2].answer" is 0.5 in the source but 0.25 here: translations change only the text',
  },
  {
    kind: "a missing glossary term",
    change: { file: "glossary.fr.yaml", from: / {2}- id: decriminalisation[\s\S]*$/, to: "" },
    file: "glossary.fr.yaml",
    line: 3,
    col: 3,
    message: 'the ids in "terms" differ from the source (missing "decriminalisation")',
  },
  {
    kind: "a link to a heading that this language does not have",
    change: { file: "basics/first.fr.md", from: "#pourquoi-c-est-important", to: "#why-it-matters" },
    file: "basics/first.fr.md",
    line: 9,
    col: 95,
    message:
      '"#why-it-matters" is not a heading of that page in this language (its headings: pourquoi-c-est-important)',
  },
  {
    kind: "a link to another page's heading that this language does not have",
    change: { file: "basics/first.fr.md", from: "second.md#les-details", to: "second.md#the-details" },
    file: "basics/first.fr.md",
    line: 10,
    col: 18,
    message: '"#the-details" is not a heading of that page in this language',
  },
  {
    kind: "a missing source_hash",
    change: { file: "basics/second.fr.md", from: /source_hash: .*\n/, to: "" },
    file: "basics/second.fr.md",
    line: 2,
    col: 1,
    message: 'missing required key "source_hash"',
  },
  {
    kind: "a malformed source_hash",
    change: { file: "course.fr.yaml", from: /source_hash: .*/, to: "source_hash: 12345" },
    file: "course.fr.yaml",
    line: 1,
    col: 14,
    message: "source_hash: must be the 12 hex digits printed by `npm run courses:source-hash",
  },
  {
    kind: "a translation without front matter",
    change: { file: "basics/second.fr.md", from: /^---[\s\S]*?---\n/, to: "" },
    file: "basics/second.fr.md",
    line: 1,
    col: 1,
    message: "missing front matter",
  },
  {
    kind: "a stale translation (the source changed since)",
    change: { file: "basics/second.md", from: "More about it.", to: "More about it, now longer." },
    file: "basics/second.fr.md",
    line: 2,
    col: 14,
    message: "stale translation: the source changed since it was translated",
    severity: "warning",
  },
];

describe("translation problems are reported at the translation's file:line:col", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it.each(cases)("$kind → $file:$line:$col", ({ change, file, line, col, message, severity = "error" }) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-translation-"));
    fs.cpSync(fixture, dir, { recursive: true });
    const target = path.join(dir, change.file);
    const before = fs.readFileSync(target, "utf8");
    const after = before.replace(change.from, change.to);
    expect(after).not.toBe(before);
    fs.writeFileSync(target, after);

    const { catalog, problems } = loadCatalog(dir);
    expect(problems.map((p) => `${path.relative(dir!, p.file)}:${p.line}:${p.col} ${p.message}`)).toHaveLength(1);
    const [problem] = problems;
    expect(path.relative(dir, problem!.file)).toBe(file);
    expect({ line: problem!.line, col: problem!.col, severity: problem!.severity }).toEqual({ line, col, severity });
    expect(problem!.message).toContain(message);
    // A mismatch is an error (no catalog: the server keeps the last good one); stale is not.
    expect(catalog === null).toBe(severity === "error");
  });

  it("does not report a missing translation as a problem (the coverage table shows it)", () => {
    const { problems, catalog } = loadCatalog(fixture);
    expect(problems).toEqual([]);
    const ar = catalog!.courseById.get("translated-course")!.translations!.get("ar")!;
    expect(ar.translation!.files.filter((f) => f.state === "missing").map((f) => path.basename(f.translation))).toEqual(
      ["module.ar.yaml", "second.ar.md", "glossary.ar.yaml"],
    );
  });
});

describe("the checker's coverage table", () => {
  it("counts translated lessons, quizzes and words per language, and stale files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-coverage-"));
    try {
      fs.cpSync(fixture, dir, { recursive: true });
      // One source edit makes its French translation stale.
      const second = path.join(dir, "basics/second.md");
      fs.writeFileSync(second, fs.readFileSync(second, "utf8").replace("More about it.", "More about it, again."));
      const { catalog } = loadCatalog(dir);
      const rows = coverageRows(catalog!).map((r) => [r.language, r.lessons, r.quizzes, r.stale, r.missing]);
      expect(rows).toEqual([
        ["en", [2, 2], [1, 1], 0, 0],
        ["fr", [2, 2], [1, 1], 1, 0],
        ["ar", [1, 2], [1, 1], 0, 3],
        ["ru", [0, 2], [0, 1], 0, 6],
      ]);
      const words = coverageRows(catalog!).map((r) => r.words);
      expect(words[3]).toBe(0);
      expect(words[1]).toBeGreaterThan(words[2]!);
      const table = formatCoverage(coverageRows(catalog!)).join("\n");
      expect(table).toMatch(/translated-course\s+ar\s+1\/2 \(50%\)\s+1\/1 \(100%\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
