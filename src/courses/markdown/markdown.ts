// One markdown-it instance for all course content. Raw HTML is off (it is escaped);
// our plugins add headings with ids, resolved links, figures, callouts, video and
// footnotes; sanitize() is the last step on everything rendered.
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { calloutsPlugin } from "./callouts.js";
import { figuresPlugin } from "./figures.js";
import { headingsPlugin } from "./headings.js";
import { linksPlugin } from "./links.js";
import type { RenderEnv } from "./render-env.js";
import { sanitize } from "./sanitize.js";
import { videoPlugin } from "./video.js";

const md = new MarkdownIt({ html: false, linkify: false, typographer: true })
  .use(footnote)
  .use(calloutsPlugin)
  .use(headingsPlugin)
  .use(linksPlugin)
  .use(figuresPlugin)
  .use(videoPlugin);

// markdown-it silently turns javascript:/data: links into text. We accept every link at
// parse time so the link resolver can refuse it with a clear problem (and drop it); the
// sanitiser still guards the output.
md.validateLink = () => true;

/** Renders a markdown document (block level) to safe HTML. */
export function renderMarkdown(source: string, env: RenderEnv): string {
  return sanitize(md.render(source, env));
}

/** Renders a short piece (an option, a feedback line) without a wrapping <p>. */
export function renderInline(source: string, env: RenderEnv): string {
  return sanitize(md.renderInline(source, env));
}

export function escapeHtml(text: string): string {
  return md.utils.escapeHtml(text);
}
