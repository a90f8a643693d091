// An image alone in its paragraph with a title becomes a figure with a caption:
//   ![Alt text](media/chart.png "Caption")
import type { MarkdownIt } from "markdown-it";

export function figuresPlugin(md: MarkdownIt): void {
  md.core.ruler.push("sendero_figures", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      if (open.type !== "paragraph_open" || close.type !== "paragraph_close") continue;
      const only = inline.children?.length === 1 ? inline.children[0]! : null;
      const caption = only?.type === "image" ? only.attrGet("title") : null;
      if (!only || !caption) continue;
      open.tag = close.tag = "figure";
      only.meta = { ...only.meta, caption };
      only.attrs = (only.attrs ?? []).filter(([name]) => name !== "title");
    }
  });

  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const html = defaultImage(tokens, idx, options, env, self);
    const caption = tokens[idx]!.meta?.caption as string | undefined;
    return caption ? `${html}<figcaption>${md.utils.escapeHtml(caption)}</figcaption>` : html;
  };
}
