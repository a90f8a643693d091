// Lays a translation over its source: the translation supplies the text people read, the
// source everything else (ids, types, numbers, answers, file names). Whatever a translation
// changes outside its text is a structural mismatch, reported at the translation's line:col.
import type { ProblemList } from "../problems.js";
import { nodePosition, type YamlSource } from "../yaml-source.js";

/**
 * Keys whose strings (and lists of strings) are translated. A string is text when any key on
 * its path is one of these: `feedback.correct` is text, an option's boolean `correct` is not.
 */
const TEXT_KEYS = new Set([
  "title",
  "summary",
  "description",
  "outcomes",
  "name",
  "role",
  "intro",
  "prompt",
  "explanation",
  "text",
  "feedback",
  "accepted",
  "unit",
  "match",
  "distractors",
  "term",
  "definition",
  "objectives",
  "key_points",
]);

type Path = (string | number)[];
export type OverlayContext = { source: YamlSource; problems: ProblemList; ignore?: ReadonlySet<string> };

/** The merged value: the source's structure with the translation's text. */
export function overlay<T>(source: T, translated: unknown, ctx: OverlayContext): T {
  return merge(source, translated, [], ctx) as T;
}

function merge(src: unknown, tr: unknown, path: Path, ctx: OverlayContext): unknown {
  if (isText(path) && isTextValue(src)) {
    if (tr === undefined) {
      report(ctx, path, `"${describe(path)}" is in the source but not in this translation`);
      return src;
    }
    if (!isTextValue(tr) || Array.isArray(tr) !== Array.isArray(src)) {
      report(
        ctx,
        path,
        `"${describe(path)}" must be ${Array.isArray(src) ? "a list of texts" : "a text"}, as in the source`,
      );
      return src;
    }
    return tr;
  }
  if (Array.isArray(src)) return mergeList(src, tr, path, ctx);
  if (isRecord(src)) return mergeRecord(src, tr, path, ctx);
  if (tr !== src) {
    const shown = tr === undefined ? "missing" : JSON.stringify(tr);
    report(
      ctx,
      path,
      `"${describe(path)}" is ${JSON.stringify(src)} in the source but ${shown} here: translations change only the text`,
    );
  }
  return src;
}

function mergeList(src: unknown[], tr: unknown, path: Path, ctx: OverlayContext): unknown[] {
  if (!Array.isArray(tr)) {
    report(ctx, path, `"${describe(path)}" must be a list, as in the source`);
    return src;
  }
  const srcIds = ids(src);
  const trIds = ids(tr);
  if (srcIds && trIds && srcIds.join() !== trIds.join()) {
    const missing = srcIds.filter((id) => !trIds.includes(id));
    const extra = trIds.filter((id) => !srcIds.includes(id));
    const detail =
      missing.length || extra.length
        ? [
            missing.length ? `missing ${missing.map((id) => `"${id}"`).join(", ")}` : "",
            extra.length ? `not in the source: ${extra.map((id) => `"${id}"`).join(", ")}` : "",
          ]
            .filter(Boolean)
            .join("; ")
        : "same ids in another order; keep the source's order";
    // At the first id that differs, or at the list when the translation only lacks some.
    const at = trIds.findIndex((id, i) => id !== srcIds[i]);
    report(
      ctx,
      at >= 0 ? [...path, at, "id"] : path,
      `the ids in "${describe(path)}" differ from the source (${detail})`,
    );
    return src;
  }
  if (src.length !== tr.length) {
    report(ctx, path, `"${describe(path)}" has ${tr.length} entries here but ${src.length} in the source`);
    return src;
  }
  return src.map((item, i) => merge(item, tr[i], [...path, i], ctx));
}

function mergeRecord(src: Record<string, unknown>, tr: unknown, path: Path, ctx: OverlayContext): unknown {
  if (!isRecord(tr)) {
    report(ctx, path, `"${describe(path)}" must be a mapping, as in the source`);
    return src;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(src)) {
    if (path.length === 0 && ctx.ignore?.has(key)) out[key] = value;
    else out[key] = merge(value, tr[key], [...path, key], ctx);
  }
  for (const key of Object.keys(tr)) {
    if (key in src || (path.length === 0 && ctx.ignore?.has(key))) continue;
    report(
      ctx,
      [...path, key],
      `"${describe([...path, key])}" is not in the source: translations change only the text`,
    );
  }
  return out;
}

function ids(list: unknown[]): string[] | null {
  if (list.length === 0 || !list.every((x) => isRecord(x) && typeof x.id === "string")) return null;
  return list.map((x) => (x as { id: string }).id);
}

const isText = (path: Path): boolean => path.some((p) => typeof p === "string" && TEXT_KEYS.has(p));
const isTextValue = (v: unknown): boolean =>
  typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const describe = (path: Path): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(file)";

function report(ctx: OverlayContext, path: Path, message: string): void {
  const at = nodePosition(ctx.source, path);
  ctx.problems.error(ctx.source.file, at.line, at.col, message);
}
