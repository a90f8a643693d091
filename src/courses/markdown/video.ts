// ```video fenced blocks: the loader validates the YAML inside and renders a local
// <video> with captions and a transcript (never a third-party player).
import type { MarkdownIt } from "markdown-it";
import type { RenderEnv } from "./render-env.js";

export function videoPlugin(md: MarkdownIt): void {
  const defaultFence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, rawEnv, self) => {
    const env = rawEnv as RenderEnv;
    const token = tokens[idx]!;
    if (token.info.trim() !== "video") return defaultFence(tokens, idx, options, env, self);
    // The YAML starts on the line after the opening ```.
    return env.renderVideo(token.content, env.firstLine + (token.map?.[0] ?? 0) + 1);
  };
}
