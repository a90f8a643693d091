// Resolves every link and image against the course: relative .md paths become lesson
// URLs, `glossary:id` becomes a glossary link, other files become asset URLs. Broken
// targets and images without alt text are reported at their line:col.
import type { MarkdownIt, Token } from "markdown-it";
import { locate, type RenderEnv } from "./render-env.js";

export function linksPlugin(md: MarkdownIt): void {
  md.core.ruler.push("sendero_links", (state) => {
    const env = state.env as RenderEnv;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const blockLine = block.map?.[0] ?? 0;
      for (const token of block.children) {
        if (token.type === "link_open") rewriteLink(token, env, blockLine);
        else if (token.type === "image") rewriteImage(token, env, blockLine);
      }
    }
  });
}

function rewriteLink(token: Token, env: RenderEnv, blockLine: number): void {
  const href = String(token.attrGet("href") ?? "");
  const resolved = env.resolveLink(href);
  if (!resolved.ok) {
    const at = locate(env, blockLine, `](${href}`);
    env.report("error", at.line, at.col + 2, resolved.message);
    // Keep the text, drop the link.
    token.tag = "span";
    token.attrs = [["class", "broken-link"]];
    return;
  }
  token.attrSet("href", resolved.href);
  if (resolved.kind === "external") token.attrSet("rel", "noopener noreferrer");
  if (resolved.kind === "glossary") {
    token.attrSet("class", "term");
    if (resolved.title) token.attrSet("title", resolved.title);
  }
  if (resolved.kind === "asset") token.attrSet("download", "");
}

function rewriteImage(token: Token, env: RenderEnv, blockLine: number): void {
  const src = String(token.attrGet("src") ?? "");
  const at = () => locate(env, blockLine, `](${src}`);
  if (!token.content.trim()) {
    const { line, col } = at();
    env.report("error", line, Math.max(1, col - 1), `image "${src}" needs alt text: ![what the image shows](${src})`);
  }
  const resolved = env.resolveAsset(src);
  if (!resolved.ok) {
    const { line, col } = at();
    env.report("error", line, col + 2, resolved.message);
    token.attrSet("src", "");
    return;
  }
  token.attrSet("src", resolved.href);
  token.attrSet("loading", "lazy");
  token.attrSet("decoding", "async");
}
