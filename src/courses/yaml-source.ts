// YAML with positions: parse a file, validate it with a zod schema, and report every
// syntax error and schema issue at its line:col (walking up to the nearest node that
// exists when the issue is about a missing key).
import { type Document, isMap, isPair, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import type * as z from "zod";
import type { ProblemList } from "./problems.js";
import { checkYamlLimits, NESTING_HINT } from "./yaml-limits.js";

export type YamlSource = {
  file: string;
  /** Lines before this YAML inside its file (front matter starts after `---`). */
  lineOffset: number;
  doc: Document.Parsed;
  lineCounter: LineCounter;
};

export type Position = { line: number; col: number };

export function parseYaml(file: string, text: string, problems: ProblemList, lineOffset = 0): YamlSource | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source = { file, lineOffset, doc, lineCounter };
  let tooDeep = false;
  for (const error of doc.errors) {
    const { line, col } = positionOf(source, error.pos[0]);
    // The parser runs out of stack on absurd nesting (once per level): say so once, in words.
    if (error.code === "RESOURCE_EXHAUSTION" && /call stack/i.test(error.message)) {
      if (!tooDeep) problems.error(file, line, col, `YAML: nested far too deeply to read; ${NESTING_HINT}`);
      tooDeep = true;
    } else problems.error(file, line, col, `YAML syntax: ${firstLine(error.message)}`);
  }
  for (const warning of doc.warnings) {
    const { line, col } = positionOf(source, warning.pos[0]);
    problems.warning(file, line, col, `YAML: ${firstLine(warning.message)}`);
  }
  const overLimits = checkYamlLimits(doc);
  for (const { offset, message } of overLimits) {
    const { line, col } = positionOf(source, offset);
    problems.error(file, line, col, message);
  }
  return doc.errors.length > 0 || overLimits.length > 0 ? null : source;
}

/** Parses and validates; returns null (with problems recorded) when anything is wrong. */
export function readYaml<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: ProblemList,
  lineOffset = 0,
): { value: z.output<S>; source: YamlSource } | null {
  const source = parseYaml(file, text, problems, lineOffset);
  if (!source) return null;
  let data: unknown;
  try {
    // No aliases get this far (checkYamlLimits), so the alias limit is belt and braces.
    data = source.doc.toJS({ maxAliasCount: 0 }) ?? {};
  } catch (error) {
    problems.error(file, 1 + lineOffset, 1, `YAML: ${firstLine(String((error as Error)?.message ?? error))}`);
    return null;
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, source };
  for (const issue of result.error.issues) reportIssue(source, issue, problems);
  return null;
}

function reportIssue(source: YamlSource, issue: z.core.$ZodIssue, problems: ProblemList): void {
  const path = issue.path as (string | number)[];
  if (issue.code === "unrecognized_keys") {
    for (const key of issue.keys) {
      const at = keyPosition(source, path, key) ?? nodePosition(source, path);
      problems.error(source.file, at.line, at.col, `unknown key "${key}"${describePath(path, " in ")}`);
    }
    return;
  }
  const at = nodePosition(source, path);
  const missing = issue.code === "invalid_type" && issue.input === undefined;
  const message = missing
    ? `missing required key "${String(path.at(-1))}"`
    : `${describePath(path, "", ": ")}${issue.message}`;
  problems.error(source.file, at.line, at.col, message);
}

/** Position of the value at `path`, or of the nearest ancestor that exists. */
export function nodePosition(source: YamlSource, path: readonly (string | number)[]): Position {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = source.doc.getIn(path.slice(0, depth), true) as Node | undefined;
    if (node?.range) return positionOf(source, node.range[0]);
  }
  return { line: 1 + source.lineOffset, col: 1 };
}

function keyPosition(source: YamlSource, path: readonly (string | number)[], key: string): Position | null {
  const map = path.length === 0 ? source.doc.contents : source.doc.getIn(path, true);
  if (!isMap(map)) return null;
  const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
  const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
  return range ? positionOf(source, range[0]) : null;
}

function positionOf(source: YamlSource, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line: line + source.lineOffset, col };
}

function describePath(path: readonly (string | number)[], before = "", after = ""): string {
  if (path.length === 0) return "";
  const text = path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
  return `${before}${text}${after}`;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

export type FrontMatterSplit = { yaml: string; body: string; bodyLineOffset: number } | null;

/**
 * Splits `---\n<yaml>\n---\n<markdown>`. Returns null when there is no front matter.
 * bodyLineOffset is the number of lines before the markdown body.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return null;
  const yaml = match[1]!;
  const bodyLineOffset = match[0].split("\n").length - 1;
  return { yaml, body: text.slice(match[0].length), bodyLineOffset };
}
