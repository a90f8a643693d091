// Renders one course's markdown: documents (lessons, introductions, exercises, resources)
// and snippets (quiz prompts, options, definitions), with links resolved and problems
// reported at file:line:col.
import path from "node:path";
import type { Locale } from "../../i18n/i18n.js";
import { escapeHtml, renderInline, renderMarkdown } from "../markdown/markdown.js";
import type { RenderEnv, TocEntry } from "../markdown/render-env.js";
import type { ProblemList } from "../problems.js";
import { videoBlockSchema } from "../schemas.js";
import { readYaml, splitFrontMatter } from "../yaml-source.js";
import type { ContentReader } from "./content-reader.js";
import type { LinkResolver } from "./link-resolver.js";

export type RenderedDoc = { html: string; toc: TocEntry[]; words: number };

export class DocRenderer {
  private docCount = 0;

  constructor(
    private readonly reader: ContentReader,
    private readonly resolver: LinkResolver,
    private readonly locale: Locale,
    private readonly hostName: string | undefined,
  ) {}

  private get problems(): ProblemList {
    return this.reader.problems;
  }

  /** A whole markdown document whose body starts at 1-based line `firstLine` of `file`. */
  document(file: string, body: string, firstLine: number): RenderedDoc {
    const env = this.env(file, body, firstLine);
    const html = renderMarkdown(body, env);
    return { html, toc: env.toc, words: countWords(html) };
  }

  /** A short markdown value from a YAML file (an option, a feedback line); inline unless `block`. */
  snippet(file: string, text: string, line: number, { block = false } = {}): string {
    const env = this.env(file, text, line);
    return block ? renderMarkdown(text, env) : renderInline(text, env);
  }

  private env(file: string, body: string, firstLine: number): RenderEnv {
    const problems = this.problems;
    return {
      docId: `d${++this.docCount}`,
      firstLine,
      lines: body.split("\n"),
      toc: [],
      resolveLink: (href) => this.resolver.resolveLink(file, href),
      resolveAsset: (src) => this.resolver.resolveAsset(file, src),
      calloutLabel: (kind) =>
        kind === "host"
          ? this.hostName
            ? this.locale.t("callout.host", { name: this.hostName })
            : this.locale.t("callout.host.anonymous")
          : this.locale.t(`callout.${kind}`),
      renderVideo: (yaml, line) => this.video(file, yaml, line),
      report: (severity, line, col, message) =>
        severity === "error" ? problems.error(file, line, col, message) : problems.warning(file, line, col, message),
    };
  }

  private video(file: string, yaml: string, line: number): string {
    const parsed = readYaml(file, yaml, videoBlockSchema, this.problems, line - 1);
    if (!parsed) return "";
    const v = parsed.value;
    const asset = (src: string, key: string) => {
      const resolved = this.resolver.resolveAsset(file, src);
      if (resolved.ok) return resolved.href;
      const at = parsed.source.doc.getIn([key], true)
        ? line + yaml.split("\n").findIndex((l) => l.trimStart().startsWith(`${key}:`))
        : line;
      this.problems.error(file, at, 1, resolved.message);
      return "";
    };
    const src = asset(v.src, "src");
    const captions = asset(v.captions, "captions");
    const poster = v.poster ? asset(v.poster, "poster") : "";
    const transcriptFile = path.resolve(path.dirname(file), v.transcript);
    const transcriptText = this.reader.readText(transcriptFile, { file, line, col: 1 }, "transcript");
    const split = transcriptText === null ? null : splitFrontMatter(transcriptText);
    const transcript =
      transcriptText === null
        ? ""
        : this.document(transcriptFile, split ? split.body : transcriptText, split ? split.bodyLineOffset + 1 : 1).html;
    const t = this.locale.t;
    const type = v.src.toLowerCase().endsWith(".webm") ? "video/webm" : "video/mp4";
    return [
      `<figure class="video">`,
      `<video controls preload="none"${poster ? ` poster="${escapeHtml(poster)}"` : ""} aria-label="${escapeHtml(v.title)}">`,
      `<source src="${escapeHtml(src)}" type="${type}">`,
      `<track kind="captions" src="${escapeHtml(captions)}" srclang="${escapeHtml(this.locale.code)}" label="${escapeHtml(this.locale.name)}" default>`,
      `</video>`,
      `<figcaption>${escapeHtml(v.title)}</figcaption>`,
      `<details class="transcript"><summary>${escapeHtml(t("video.transcript"))}</summary>${transcript}</details>`,
      `</figure>`,
    ].join("");
  }
}

export function countWords(html: string): number {
  const text = html.replace(/<[^>]+>/g, " ").replace(/&[a-z#0-9]+;/gi, " ");
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
