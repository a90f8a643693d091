// Course YAML is untrusted input. Before it becomes JavaScript values we refuse what no
// course needs and what can exhaust the process: aliases (alias bombs, cycles, and the
// classic `explanation: *Breathing*` — markdown emphasis that YAML reads as an alias),
// nesting deeper than any course file uses, and lists longer than any course needs.
import { type Document, isAlias, isCollection, isPair, type Node } from "yaml";

/** The deepest shipped file (a quiz question's option) is 5 levels deep. */
export const MAX_YAML_DEPTH = 20;
/** The longest shipped list has ~40 items (glossary terms). */
export const MAX_YAML_ITEMS = 1000;

export const NESTING_HINT = `course files never need more than ${MAX_YAML_DEPTH} levels`;

export type YamlLimitProblem = { offset: number; message: string };

export function checkYamlLimits(doc: Document.Parsed): YamlLimitProblem[] {
  const found: YamlLimitProblem[] = [];
  let reportedDepth = false;
  const plainAliases: { offset: number; name: string }[] = [];
  // Iterative: a deeply nested document must not overflow the stack here either.
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      if (looksLikeEmphasis(node.source)) found.push({ offset, message: emphasisMessage(node.source) });
      else plainAliases.push({ offset, name: node.source });
      continue;
    }
    if (!isCollection(node)) continue;
    const offset = (node as Node).range?.[0] ?? 0;
    if (depth >= MAX_YAML_DEPTH) {
      if (!reportedDepth)
        found.push({ offset, message: `nested more than ${MAX_YAML_DEPTH} levels deep; ${NESTING_HINT}` });
      reportedDepth = true;
      continue;
    }
    if (node.items.length > MAX_YAML_ITEMS) {
      const what = isPair(node.items[0]) ? "keys" : "items";
      found.push({
        offset,
        message: `this has ${node.items.length.toLocaleString("en")} ${what}; the limit is ${MAX_YAML_ITEMS.toLocaleString("en")}`,
      });
      continue;
    }
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  // An alias bomb has hundreds of aliases: one problem, at the first, is enough.
  const first = plainAliases.sort((a, b) => a.offset - b.offset)[0];
  if (first) {
    const more = plainAliases.length > 1 ? ` (${plainAliases.length} aliases in this file)` : "";
    found.push({
      offset: first.offset,
      message: `YAML aliases ("*${first.name.slice(0, 60)}") are not allowed in course files: write the value out in full${more}`,
    });
  }
  return found;
}

function looksLikeEmphasis(name: string): boolean {
  return /^\*|\*$|^_|_$/.test(name) || /[\s.,;:!?]/.test(name);
}

function emphasisMessage(name: string): string {
  const written = `*${name}`.slice(0, 60);
  return (
    `"${written}" looks like markdown emphasis, but YAML reads a value starting with * as an alias: ` +
    `put the whole value in quotes ("${written} …") or write it on the next lines after |`
  );
}
