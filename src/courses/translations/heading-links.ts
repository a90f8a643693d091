// A `#heading` link must reach a heading of the page in the same language: a translated
// heading has another id ("## Sources" → #sources, "## Sources et lectures" → #sources-et-lectures).
// Checked on the translation's own text, so each broken link is reported at its line:col.
import path from "node:path";
import type { Course } from "../catalog.js";
import type { ContentReader } from "../loader/content-reader.js";

/** Markdown links and images with a fragment: `](target#fragment)`. */
const FRAGMENT_LINK = /\]\(\s*<?([^)\s#>]*)#([^)\s>]+)>?/g;

export function checkHeadingLinks(
  course: Course,
  translatedFrom: ReadonlyMap<string, string>,
  pageOf: ReadonlyMap<string, string>,
  reader: ContentReader,
  skipPages: ReadonlySet<string>,
): void {
  const ids = anchorsByPage(course);
  for (const [file, source] of translatedFrom) {
    if (!file.endsWith(".md")) continue;
    const text = reader.readText(file, null) ?? "";
    for (const match of text.matchAll(FRAGMENT_LINK)) {
      const [, target = "", fragment = ""] = match;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("/")) continue;
      const absolute = path.resolve(path.dirname(file), decode(target));
      const page = target === "" ? pageOf.get(source) : (pageOf.get(absolute) ?? pageOf.get(sourceOf(absolute)));
      const anchors = page === undefined ? undefined : ids.get(page);
      if (!anchors || page === undefined || skipPages.has(page) || anchors.has(decode(fragment))) continue;
      const before = text.slice(0, match.index);
      const line = before.split("\n").length;
      const col = match.index - before.lastIndexOf("\n") + 2;
      reader.problems.error(
        file,
        line,
        col,
        `"#${fragment}" is not a heading of that page in this language (its headings: ${[...anchors].slice(0, 6).join(", ") || "none"})`,
      );
    }
  }
}

/** Every element id on each page of the compiled course: headings, footnotes, glossary terms. */
function anchorsByPage(course: Course): Map<string, Set<string>> {
  const pages = new Map<string, Set<string>>();
  const add = (url: string, html: string | undefined) => {
    const set = pages.get(url) ?? new Set<string>();
    for (const m of (html ?? "").matchAll(/\sid="([^"]+)"/g)) set.add(m[1]!);
    pages.set(url, set);
  };
  add(course.url, course.descriptionHtml);
  pages.set(`${course.url}/glossary`, new Set(course.glossary.map((t) => t.id)));
  for (const r of course.resources) if (r.kind === "page") add(r.url, r.html);
  for (const m of course.modules) {
    add(m.url, m.introduction?.html);
    for (const l of m.lessons) add(l.url, l.html);
    if (m.exercise) add(m.exercise.url, m.exercise.html);
  }
  return pages;
}

/** `x.fr.md` → `x.md`: links may name the translation or the source. */
function sourceOf(file: string): string {
  return file.replace(/\.[a-z]{2,3}(\.(?:md|ya?ml))$/i, "$1");
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
