// Turns what authors write in links and images into URLs: relative paths to course files
// (as on GitHub), `glossary:<id>`, external http(s)/mailto links and site paths.
// Everything else (javascript:, data:, missing files, files outside the course) is refused.
import { createHash } from "node:crypto";
import path from "node:path";
import type { ResolvedLink } from "../markdown/render-env.js";
import { type ContentReader, shorten } from "./content-reader.js";
import type { ParsedCourse } from "./parsed.js";
import * as urls from "./urls.js";

const ASSET_EXTENSIONS = new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
  "avif",
  "svg",
  "mp4",
  "webm",
  "vtt",
  "mp3",
  "ogg",
  "pdf",
  "odt",
  "ods",
  "odp",
  "docx",
  "xlsx",
  "pptx",
  "epub",
  "txt",
  "csv",
]);

export type AssetRegistry = Map<string, string>;

export class LinkResolver {
  private readonly pages = new Map<string, string>();

  constructor(
    private readonly course: ParsedCourse,
    private readonly reader: ContentReader,
    private readonly glossary: ReadonlyMap<string, string>,
    private readonly assets: AssetRegistry,
  ) {
    const id = course.value.id;
    this.pages.set(course.file, urls.courseUrl(id));
    if (course.glossary) this.pages.set(course.glossary.file, urls.glossaryUrl(id));
    if (course.survey) this.pages.set(course.survey.file, urls.courseSurveyUrl(id));
    for (const r of course.resources) if (r.page) this.pages.set(r.file, urls.resourceUrl(id, r.id));
    for (const m of course.modules) {
      const mid = m.value.id;
      this.pages.set(m.file, urls.moduleUrl(id, mid));
      if (m.introduction) this.pages.set(m.introduction.file, urls.moduleUrl(id, mid));
      for (const l of m.lessons) this.pages.set(l.file, urls.lessonUrl(id, mid, l.frontMatter.id));
      if (m.quiz) this.pages.set(m.quiz.file, urls.quizUrl(id, mid));
      if (m.exercise) this.pages.set(m.exercise.file, urls.exerciseUrl(id, mid));
      if (m.survey) this.pages.set(m.survey.file, urls.moduleSurveyUrl(id, mid));
    }
    // A translation links to the source's file names; both name the same page.
    for (const [translation, source] of course.translatedFrom ?? []) {
      const page = this.pages.get(translation);
      if (page) this.pages.set(source, page);
    }
  }

  resolveLink(fromFile: string, href: string): ResolvedLink {
    if (href.startsWith("glossary:")) return this.glossaryLink(href.slice("glossary:".length));
    if (/^(https?:\/\/|mailto:)/i.test(href)) return { ok: true, href, kind: "external" };
    if (href.startsWith("#") || (href.startsWith("/") && !href.startsWith("//")))
      return { ok: true, href, kind: "page" };
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) {
      return {
        ok: false,
        message: `links may point to http(s), mailto, glossary terms or files in this course, not "${shorten(href)}"`,
      };
    }
    const [filePart = "", fragment] = href.split("#", 2);
    const target = this.targetFile(fromFile, filePart);
    if (!target.ok) return target;
    const page = this.pages.get(target.file);
    if (page) return { ok: true, href: fragment ? `${page}#${fragment}` : page, kind: "page" };
    if (/\.(md|ya?ml)$/i.test(target.file)) {
      const check = this.reader.check(target.file);
      if (check.ok)
        return {
          ok: false,
          message: `"${shorten(filePart)}" is not listed in any course.yaml or module.yaml, so it has no page`,
        };
      return {
        ok: false,
        message: check.missing
          ? `broken link: "${shorten(filePart)}" does not exist`
          : `"${shorten(filePart)}" ${check.reason}`,
      };
    }
    return this.asset(target.file, filePart);
  }

  resolveAsset(fromFile: string, src: string): ResolvedLink {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("/")) {
      return {
        ok: false,
        message: `images and media must be files inside the course folder (no third-party or absolute URLs): "${shorten(src)}"`,
      };
    }
    const target = this.targetFile(fromFile, src);
    return target.ok ? this.asset(target.file, src) : target;
  }

  bytesOf(file: string): number {
    const read = this.reader.tryRead(file);
    return read.ok ? read.bytes.length : 0;
  }

  private glossaryLink(termId: string): ResolvedLink {
    const definition = this.glossary.get(termId);
    if (definition === undefined) return { ok: false, message: `unknown glossary term "${shorten(termId)}"` };
    return {
      ok: true,
      href: `${urls.glossaryUrl(this.course.value.id)}#${termId}`,
      kind: "glossary",
      title: definition,
    };
  }

  private targetFile(fromFile: string, relative: string): { ok: true; file: string } | { ok: false; message: string } {
    let decoded: string;
    try {
      decoded = decodeURIComponent(relative);
    } catch {
      return { ok: false, message: `"${shorten(relative)}" is not a valid path` };
    }
    const file = path.resolve(path.dirname(fromFile), decoded);
    if (!file.startsWith(this.course.dir + path.sep))
      return { ok: false, message: `"${shorten(relative)}" points outside this course's folder` };
    return { ok: true, file };
  }

  private asset(file: string, written: string): ResolvedLink {
    const ext = path.extname(file).slice(1).toLowerCase();
    if (!ASSET_EXTENSIONS.has(ext))
      return { ok: false, message: `files of type ".${ext}" cannot be linked or shown ("${shorten(written)}")` };
    const read = this.reader.tryRead(file);
    if (!read.ok)
      return {
        ok: false,
        message: read.missing
          ? `missing file: "${shorten(written)}" does not exist`
          : `"${shorten(written)}" ${read.reason}`,
      };
    const bytes = read.bytes;
    const relative = path.relative(this.course.dir, file).split(path.sep).join("/");
    const urlPath = urls.assetPath(this.course.value.id, relative);
    this.assets.set(urlPath, file);
    const version = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
    return { ok: true, href: `${urlPath}?v=${version}`, kind: "asset" };
  }
}
