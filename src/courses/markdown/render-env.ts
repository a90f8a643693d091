// The per-document context markdown-it passes to every rule (its `env`). The loader
// fills it in; rules read and write it, never module-level state.
import type { CalloutKind } from "./callouts.js";

export type TocEntry = { id: string; text: string; level: 2 | 3 };

export type ResolvedLink =
  | { ok: true; href: string; kind: "page" | "asset" | "glossary" | "external"; title?: string }
  | { ok: false; message: string };

export type RenderEnv = {
  /** Unique per rendered document on a page: prefixes footnote ids. */
  docId: string;
  /** Line of the markdown body's first line inside its file (1-based). */
  firstLine: number;
  /** The source lines of the body, to find columns. */
  lines: string[];
  resolveLink(href: string): ResolvedLink;
  resolveAsset(src: string): ResolvedLink;
  calloutLabel(kind: CalloutKind): string;
  renderVideo(yaml: string, line: number): string;
  report(severity: "error" | "warning", line: number, col: number, message: string): void;
  toc: TocEntry[];
};

/** 1-based line:col of `needle` inside a block that starts at 0-based body line `blockLine`. */
export function locate(env: RenderEnv, blockLine: number, needle: string): { line: number; col: number } {
  for (let i = blockLine; i < env.lines.length; i++) {
    const col = env.lines[i]!.indexOf(needle);
    if (col >= 0) return { line: env.firstLine + i, col: col + 1 };
  }
  return { line: env.firstLine + blockLine, col: 1 };
}
