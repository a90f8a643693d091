// Gives ## and ### headings stable ids (for links and the table of contents) and
// collects the table of contents. A `#` heading is demoted: the page title is the h1.
import type { MarkdownIt } from "markdown-it";
import type { RenderEnv } from "./render-env.js";

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

export function headingsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("sendero_headings", (state) => {
    const env = state.env as RenderEnv;
    const used = new Set<string>();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!;
      if (open.type !== "heading_open") continue;
      const inline = tokens[i + 1]!;
      const close = tokens[i + 2]!;
      if (open.tag === "h1") {
        const line = open.map?.[0] ?? 0;
        env.report(
          "warning",
          env.firstLine + line,
          1,
          "use ## for headings: the lesson title (from the front matter) is the page's only top-level heading",
        );
        open.tag = close.tag = "h2";
      }
      const text = (inline.children ?? [])
        .filter((t) => t.type === "text" || t.type === "code_inline")
        .map((t) => t.content)
        .join("");
      let id = slugify(text);
      for (let n = 2; used.has(id); n++) id = `${slugify(text)}-${n}`;
      used.add(id);
      open.attrSet("id", id);
      if (open.tag === "h2" || open.tag === "h3") env.toc.push({ id, text, level: open.tag === "h2" ? 2 : 3 });
    }
  });
}
