// ::: note | tip | warning | key-point | host   (optional title after the kind)
// Callouts render as <aside> with a visible label so screen readers announce them.

import type { MarkdownIt } from "markdown-it";
import container from "markdown-it-container";
import type { RenderEnv } from "./render-env.js";

export const CALLOUT_KINDS = ["note", "tip", "warning", "key-point", "host"] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export function calloutsPlugin(md: MarkdownIt): void {
  for (const kind of CALLOUT_KINDS) {
    md.use(container, kind, {
      validate: (params: string) => params.trim().split(/\s+/, 1)[0] === kind,
      render(tokens: { info: string; nesting: number }[], idx: number, _options: unknown, env: RenderEnv) {
        const token = tokens[idx]!;
        if (token.nesting !== 1) return "</aside>\n";
        const title = token.info.trim().slice(kind.length).trim();
        const label = title || env.calloutLabel(kind);
        return `<aside class="callout callout-${kind}"><p class="callout-label">${md.utils.escapeHtml(label)}</p>\n`;
      },
    });
  }
}
