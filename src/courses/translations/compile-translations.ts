// Builds, for each language a course declares besides its own, a Course value for that
// language: the same ids, modules and URLs, the translated text where a translation exists
// and the source's text elsewhere (those pages are listed in `translation.fallbacks`).
// Progress, attempts and statistics key on ids, so they stay one record in every language.
import type { Course } from "../catalog.js";
import { compileCourse } from "../loader/compile-course.js";
import { ContentReader } from "../loader/content-reader.js";
import type { AssetRegistry } from "../loader/link-resolver.js";
import type { ParsedCourse } from "../loader/parsed.js";
import * as urls from "../loader/urls.js";
import { ProblemList } from "../problems.js";
import { checkHeadingLinks } from "./heading-links.js";
import { type FileStatus, parseTranslation } from "./translated-parse.js";

export type TranslationStatus = {
  language: string;
  /** One entry per source file: current, stale, missing, or broken (has errors). */
  files: readonly FileStatus[];
  /** URLs of the pages this language shows in the source language, for lack of a translation. */
  fallbacks: ReadonlySet<string>;
  /** What is translated: lessons and quizzes, and words of lessons, introductions and exercises. */
  translated: { lessons: number; quizzes: number; words: number };
};

export function withTranslations(
  course: Course,
  parsed: ParsedCourse,
  reader: ContentReader,
  assets: AssetRegistry,
): Course {
  const languages = course.languages.filter((lang) => lang !== course.language);
  if (languages.length === 0) return course;
  const translations = new Map<string, Course>();
  for (const lang of languages) translations.set(lang, compileLanguage(parsed, lang, reader, assets));
  return { ...course, translations };
}

function compileLanguage(source: ParsedCourse, lang: string, reader: ContentReader, assets: AssetRegistry): Course {
  // Its own problem list: recompiling re-reports the source's own warnings, which the source
  // compile already reported; only problems in translation files are passed on.
  const local = new ContentReader(new ProblemList(), reader.root.dir);
  for (const [file, bytes] of reader.filesRead) local.filesRead.set(file, bytes);
  const { parsed, files, translatedFrom } = parseTranslation(source, lang, local);
  const compiled = compileCourse(parsed, local, assets);
  const pageOf = sourcePages(source);
  // A broken translation is already reported; links into its page would only repeat it.
  const broken = new Set(files.flatMap((f) => (f.state === "broken" ? (pageOf.get(f.source) ?? []) : [])));
  checkHeadingLinks(compiled, translatedFrom, pageOf, local, broken);
  for (const p of local.problems.items) {
    if (!translatedFrom.has(p.file) && !files.some((f) => f.translation === p.file)) continue;
    if (p.severity === "error") reader.problems.error(p.file, p.line, p.col, p.message);
    else reader.problems.warning(p.file, p.line, p.col, p.message);
  }
  const fallbacks = new Set(
    files.flatMap((f) => (f.state === "missing" || f.state === "broken" ? (pageOf.get(f.source) ?? []) : [])),
  );
  const translated = countTranslated(parsed, compiled, translatedFrom);
  return { ...compiled, translation: { language: lang, files, fallbacks, translated } };
}

/** Compiled modules line up with parsed ones; a parsed file named as a translation is translated. */
function countTranslated(parsed: ParsedCourse, course: Course, translatedFrom: ReadonlyMap<string, string>) {
  const done = (file: string | undefined) => file !== undefined && translatedFrom.has(file);
  let lessons = 0;
  let quizzes = 0;
  let words = 0;
  course.modules.forEach((m, i) => {
    const p = parsed.modules[i]!;
    const lessonWords = m.lessons.reduce((sum, l) => sum + l.words, 0);
    if (done(p.introduction?.file)) words += m.words - lessonWords - (m.exercise?.words ?? 0);
    m.lessons.forEach((l, j) => {
      if (!done(p.lessons[j]?.file)) return;
      lessons++;
      words += l.words;
    });
    if (done(p.exercise?.file)) words += m.exercise?.words ?? 0;
    if (done(p.quiz?.file)) quizzes++;
  });
  return { lessons, quizzes, words };
}

/** Source file → the page it is the main text of (an introduction belongs to its module.yaml's page). */
function sourcePages(course: ParsedCourse): Map<string, string> {
  const id = course.value.id;
  const pages = new Map<string, string>([[course.file, urls.courseUrl(id)]]);
  if (course.glossary) pages.set(course.glossary.file, urls.glossaryUrl(id));
  if (course.survey) pages.set(course.survey.file, urls.courseSurveyUrl(id));
  for (const r of course.resources) if (r.page) pages.set(r.file, urls.resourceUrl(id, r.id));
  for (const m of course.modules) {
    const mid = m.value.id;
    pages.set(m.file, urls.moduleUrl(id, mid));
    for (const l of m.lessons) pages.set(l.file, urls.lessonUrl(id, mid, l.frontMatter.id));
    if (m.quiz) pages.set(m.quiz.file, urls.quizUrl(id, mid));
    if (m.exercise) pages.set(m.exercise.file, urls.exerciseUrl(id, mid));
    if (m.survey) pages.set(m.survey.file, urls.moduleSurveyUrl(id, mid));
  }
  return pages;
}
