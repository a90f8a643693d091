// Mutations of a copied course folder, each chosen by a seeded generator so a case can be
// replayed: byte edits, YAML structure edits, alias bombs, markdown constructs, symbolic
// links (to a file in the fuzzer's temp dir, never to a real system file), deep nesting,
// huge lists and files, deleted files and folders.
import fs from "node:fs";
import path from "node:path";
import { isMap, isSeq, parseDocument } from "yaml";
import type { SafeFs } from "./safe-fs.js";

export type CaseContext = {
  rng: () => number;
  fs: SafeFs;
  courseDir: string;
  /** A file and a folder outside the course, inside the fuzzer's temp dir. */
  secretFile: string;
  secretDir: string;
};

type Mutation = (ctx: CaseContext) => string | null;

const int = (ctx: CaseContext, n: number) => Math.floor(ctx.rng() * n);
const pick = <T>(ctx: CaseContext, items: readonly T[]): T => items[int(ctx, items.length)]!;

/** Every entry below the course, without following links. */
export function listEntries(dir: string): { files: string[]; dirs: string[]; all: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        dirs.push(full);
        walk(full);
      } else if (entry.isFile()) files.push(full);
    }
  };
  walk(dir);
  return { files, dirs, all: [...files, ...dirs] };
}

const textFiles = (ctx: CaseContext, ext = /\.(md|ya?ml)$/) =>
  listEntries(ctx.courseDir).files.filter((f) => ext.test(f));

function editText(ctx: CaseContext, ext: RegExp, edit: (text: string) => string): string | null {
  const files = textFiles(ctx, ext);
  if (files.length === 0) return null;
  const file = pick(ctx, files);
  const bytes = ctx.fs.read(file);
  if (!bytes) return null;
  ctx.fs.write(file, edit(bytes.toString("latin1")));
  return path.relative(ctx.courseDir, file);
}

const TOKENS = [
  "*Breathing*",
  "*Which* of these",
  "&a ",
  "*a",
  "---\n",
  ": ",
  "- ",
  "[",
  "]",
  "{",
  "}",
  '"',
  "'",
  "|\n",
  ">\n",
  "!!binary ",
  "!custom ",
  "%YAML 1.1\n",
  "\t",
  "\0",
  "\uFEFF",
  "\r\n",
  "<<: *a\n",
  "? ",
  "#",
  "`",
  "```video\n",
  ":::\n",
  "![x](",
  "](",
  "%",
  "\\",
  "../",
  "\u202e",
  "\xff\xfe",
  "\n  ",
  "id: x\n",
  "modules: [course.yaml]\n",
];

const EVIL_VALUES: unknown[] = [
  null,
  "",
  0,
  -1,
  1e308,
  true,
  {},
  [],
  "course.yaml",
  "../../../../../../etc/passwd",
  "/etc/passwd",
  "media",
  ".",
  "x\0y.md",
  "%00.md",
  `${"a/".repeat(2100)}x.md`,
  `${"b".repeat(4096)}.md`,
  "*Breathing* is slow",
  "glossary.yaml",
  "module.yaml",
  "quiz.yaml",
  "lesson.md",
  "media/notes.txt",
];

const mutations: Record<string, Mutation> = {
  flipBytes: (ctx) =>
    editText(ctx, /\.(md|ya?ml)$/, (text) => {
      const chars = [...text];
      for (let i = 0, n = 1 + int(ctx, 8); i < n && chars.length; i++)
        chars[int(ctx, chars.length)] = String.fromCharCode(int(ctx, 256));
      return chars.join("");
    }),
  insertToken: (ctx) =>
    editText(ctx, /\.(md|ya?ml)$/, (text) => {
      const at = int(ctx, text.length + 1);
      return text.slice(0, at) + pick(ctx, TOKENS) + text.slice(at);
    }),
  deleteRange: (ctx) =>
    editText(ctx, /\.(md|ya?ml)$/, (text) => {
      const at = int(ctx, text.length + 1);
      return text.slice(0, at) + text.slice(at + 1 + int(ctx, 200));
    }),
  duplicateRange: (ctx) =>
    editText(ctx, /\.(md|ya?ml)$/, (text) => {
      const from = int(ctx, text.length + 1);
      const slice = text.slice(from, from + int(ctx, 400));
      const to = int(ctx, text.length + 1);
      return text.slice(0, to) + slice + text.slice(to);
    }),
  truncate: (ctx) => editText(ctx, /\.(md|ya?ml)$/, (text) => text.slice(0, int(ctx, text.length + 1))),
  yamlValue: (ctx) => editYaml(ctx, (doc, p) => doc.setIn(p, structuredClone(pick(ctx, EVIL_VALUES)))),
  yamlDelete: (ctx) => editYaml(ctx, (doc, p) => doc.deleteIn(p)),
  yamlHugeList: (ctx) =>
    editYaml(ctx, (doc, p) =>
      doc.setIn(
        p,
        Array.from({ length: pick(ctx, [1001, 20_000]) }, (_, i) => `x${i}.md`),
      ),
    ),
  yamlDeepNesting: (ctx) =>
    editText(ctx, /\.ya?ml$/, (text) => {
      const depth = pick(ctx, [25, 500, 20_000]);
      return `${text}\ndeep: ${"[".repeat(depth)}1${"]".repeat(depth)}\n`;
    }),
  yamlIndentNesting: (ctx) =>
    editText(ctx, /\.ya?ml$/, (text) => {
      const depth = pick(ctx, [25, 300]);
      return text + Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " 1\n";
    }),
  aliasBomb: (ctx) =>
    editText(ctx, /\.ya?ml$/, (text) => {
      const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
      }
      return ctx.rng() < 0.5 ? levels.join("\n") : `${text}\n${levels.join("\n")}\n`;
    }),
  emphasisAlias: (ctx) =>
    editText(ctx, /\.ya?ml$/, (text) =>
      text.replace(/(\n\s*(?:explanation|prompt|text|summary|title): )/, "$1*Breathing* "),
    ),
  markdownConstruct: (ctx) =>
    editText(ctx, /\.md$/, (text) => {
      const lines = text.split("\n");
      lines.splice(int(ctx, lines.length + 1), 0, markdownSnippet(ctx));
      return lines.join("\n");
    }),
  hugeFile: (ctx) => editText(ctx, /\.(md|ya?ml)$/, (text) => text + "x".repeat(pick(ctx, [1_100_000, 3_000_000]))),
  binaryGarbage: (ctx) =>
    editText(ctx, /\.(md|ya?ml)$/, () =>
      Array.from({ length: int(ctx, 3000) }, () => String.fromCharCode(int(ctx, 256))).join(""),
    ),
  deleteFile: (ctx) => {
    const { all } = listEntries(ctx.courseDir);
    const target = ctx.rng() < 0.3 ? path.join(ctx.courseDir, "course.yaml") : pick(ctx, all);
    return target && ctx.fs.remove(target) ? `deleted ${path.relative(ctx.courseDir, target)}` : null;
  },
  fileToFolder: (ctx) => {
    const file = pick(ctx, listEntries(ctx.courseDir).files);
    return file && ctx.fs.mkdir(file) ? `folder instead of ${path.relative(ctx.courseDir, file)}` : null;
  },
  folderToFile: (ctx) => {
    const dir = pick(ctx, listEntries(ctx.courseDir).dirs);
    return dir && ctx.fs.write(dir, "not a folder") ? `file instead of ${path.relative(ctx.courseDir, dir)}` : null;
  },
  symlinkOut: (ctx) => {
    const { files, dirs } = listEntries(ctx.courseDir);
    const useDir = ctx.rng() < 0.2 && dirs.length > 0;
    const at = useDir ? pick(ctx, dirs) : pick(ctx, files);
    if (!at) return null;
    const target = useDir ? ctx.secretDir : ctx.secretFile;
    return ctx.fs.symlink(at, target, path.dirname(ctx.secretDir)) ? `link ${path.relative(ctx.courseDir, at)}` : null;
  },
  symlinkStrange: (ctx) => {
    const at = pick(ctx, listEntries(ctx.courseDir).files);
    if (!at) return null;
    const kind = int(ctx, 4);
    const target = [at, path.join(path.dirname(at), "dangling.md"), ctx.courseDir, `${"a/".repeat(1000)}x`][kind]!;
    return ctx.fs.symlink(at, target, path.dirname(ctx.secretDir)) ? `odd link ${kind}` : null;
  },
  linkedNotes: (ctx) => {
    const notes = path.join(ctx.courseDir, "notes.txt");
    if (!ctx.fs.symlink(notes, ctx.secretFile, path.dirname(ctx.secretDir))) return null;
    return editText(ctx, /\.md$/, (text) => `${text}\n[notes](${"../".repeat(int(ctx, 3))}notes.txt)\n`);
  },
};

function editYaml(
  ctx: CaseContext,
  edit: (doc: ReturnType<typeof parseDocument>, p: (string | number)[]) => void,
): string | null {
  return editText(ctx, /\.ya?ml$/, (text) => {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) return text;
    const paths = nodePaths(doc.contents, []);
    const p = paths.length > 0 ? pick(ctx, paths) : ["x"];
    edit(doc, p);
    return doc.toString({ lineWidth: 0 });
  });
}

function nodePaths(node: unknown, at: (string | number)[]): (string | number)[][] {
  if (isMap(node))
    return node.items.flatMap((pair) => {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      return [[...at, key], ...nodePaths(pair.value, [...at, key])];
    });
  if (isSeq(node)) return node.items.flatMap((item, i) => [[...at, i], ...nodePaths(item, [...at, i])]);
  return [];
}

function markdownSnippet(ctx: CaseContext): string {
  const href = pick(ctx, [
    "%zz",
    "a\0b.md",
    "../../../../etc/passwd",
    "/etc/passwd",
    "javascript:alert(1)",
    "glossary:",
    "glossary:nope",
    "#",
    "media/notes.txt",
    "media",
    "module.yaml",
    "quiz.yaml",
    `${"a/".repeat(2100)}x.png`,
    `${"c".repeat(5000)}.pdf`,
    "../course.yaml",
    "<>",
    "",
  ]);
  return pick(ctx, [
    `[link](${href})`,
    `![image](${href})`,
    `![](${href})`,
    ">".repeat(pick(ctx, [30, 5000])) + " deep",
    Array.from({ length: 200 }, (_, i) => `${" ".repeat(i * 2)}- item`).join("\n"),
    "*".repeat(20_000),
    "[".repeat(20_000),
    "_".repeat(10_000) + "x",
    "```video\nsrc: *Breathing*\n```",
    "```video\n" + pick(ctx, ["", "src: [", `src: ${href}\ncaptions: x.vtt\ntranscript: t.md\ntitle: t`]) + "\n```",
    ":::".repeat(500),
    "::: tip\n::: warning\n::: host\n",
    "[^1]\n\n[^1]: note [^1]",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "# ".repeat(3000),
    "|a|b|\n|-|-|\n" + "|x|y|\n".repeat(3000),
    "x".repeat(200_000),
  ]);
}

const NAMES = Object.keys(mutations);

/** Applies 1–3 mutations; returns what was done, for the report. */
export function mutateCourse(ctx: CaseContext): string[] {
  const done: string[] = [];
  for (let i = 0, n = 1 + int(ctx, 3); i < n; i++) {
    const name = pick(ctx, NAMES);
    try {
      const what = mutations[name]!(ctx);
      done.push(what ? `${name}(${what.slice(0, 60)})` : `${name}(skipped)`);
    } catch (error) {
      // The file system refused (a name too long to create…): the case goes on without it.
      done.push(`${name}(refused: ${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  return done;
}
