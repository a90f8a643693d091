// Phase two: with every file parsed, check cross-references and render the markdown into
// the immutable Course value the web app serves.
import { createHash } from "node:crypto";
import path from "node:path";
import { getLocale } from "../../i18n/i18n.js";
import type { Course, Exercise, GlossaryTerm, Lesson, Module, Resource, Survey } from "../catalog.js";
import type { ProblemList } from "../problems.js";
import type { SurveyYaml } from "../schemas.js";
import { nodePosition } from "../yaml-source.js";
import { checkUniqueIds, type IdSite } from "./check-ids.js";
import { compileQuiz } from "./compile-quiz.js";
import type { ContentReader } from "./content-reader.js";
import { DocRenderer } from "./doc-renderer.js";
import { type AssetRegistry, LinkResolver } from "./link-resolver.js";
import type { ParsedCourse, ParsedModule, ParsedYaml } from "./parsed.js";
import * as urls from "./urls.js";

export function compileCourse(parsed: ParsedCourse, reader: ContentReader, assets: AssetRegistry): Course {
  const problems = reader.problems;
  const y = parsed.value;
  checkCourseIds(parsed, problems);
  const glossaryText = new Map((parsed.glossary?.value.terms ?? []).map((t) => [t.id, plainText(t.definition)]));
  const resolver = new LinkResolver(parsed, reader, glossaryText, assets);
  const renderer = new DocRenderer(reader, resolver, getLocale(y.language), y.host?.name);

  const modules = parsed.modules.map((m, i) => compileModule(parsed, m, i + 1, renderer, problems));
  // Before the version hash: resources may read files too.
  const resources = compileResources(parsed, renderer, resolver, problems);
  const moduleIds = new Set(modules.map((m) => m.id));
  if (y.completion.modules !== "all") {
    y.completion.modules.forEach((id, i) => {
      if (!moduleIds.has(id)) reportAt(problems, parsed, ["completion", "modules", i], `unknown module id "${id}"`);
    });
  }
  const course: Course = {
    id: y.id,
    dir: parsed.dir,
    url: urls.courseUrl(y.id),
    title: y.title,
    summary: y.summary,
    descriptionHtml: y.description
      ? renderer.snippet(parsed.file, y.description, nodePosition(parsed.source, ["description"]).line + 1, {
          block: true,
        })
      : undefined,
    language: y.language,
    languages: y.languages ?? [y.language],
    status: y.status,
    host: y.host ? { name: y.host.name, role: y.host.role } : undefined,
    outcomes: y.outcomes,
    order: y.order,
    modules,
    moduleById: new Map(modules.map((m) => [m.id, m])),
    glossary: compileGlossary(parsed, renderer, problems),
    resources,
    resourceById: new Map(resources.map((r) => [r.id, r])),
    survey: parsed.survey ? compileSurvey(parsed.survey, urls.courseSurveyUrl(y.id), renderer) : undefined,
    completion: { modules: y.completion.modules, quizScore: y.completion.quiz_score },
    certificate: { enabled: y.certificate.enabled, title: y.certificate.title ?? y.title },
    minutes: modules.reduce((sum, m) => sum + m.minutes, 0),
    version: contentVersion(parsed.dir, reader),
    stats: {
      lessons: modules.reduce((sum, m) => sum + m.lessons.length, 0),
      questions: modules.reduce((sum, m) => sum + (m.quiz?.questions.length ?? 0), 0),
      words: modules.reduce((sum, m) => sum + m.words, 0),
    },
  };
  return course;
}

function compileModule(
  course: ParsedCourse,
  m: ParsedModule,
  position: number,
  renderer: DocRenderer,
  problems: ProblemList,
): Module {
  const courseId = course.value.id;
  const y = m.value;
  const url = urls.moduleUrl(courseId, y.id);
  const intro = m.introduction
    ? renderer.document(m.introduction.file, m.introduction.body, m.introduction.bodyLine)
    : undefined;
  const lessons: Lesson[] = m.lessons.map((doc, i) => {
    const rendered = renderer.document(doc.file, doc.body, doc.bodyLine);
    const fm = doc.frontMatter;
    return {
      id: fm.id,
      courseId,
      moduleId: y.id,
      url: urls.lessonUrl(courseId, y.id, fm.id),
      position: i + 1,
      title: fm.title,
      minutes: fm.minutes,
      objectives: fm.objectives,
      keyPoints: fm.key_points,
      html: rendered.html,
      toc: rendered.toc,
      words: rendered.words,
      prev: undefined,
      next: undefined,
    };
  });
  const quiz = m.quiz ? compileQuiz(m.quiz, urls.quizUrl(courseId, y.id), renderer, problems) : undefined;
  const exercise = m.exercise ? compileExercise(m, urls.exerciseUrl(courseId, y.id), renderer) : undefined;
  checkModuleRules(m, quiz !== undefined, exercise !== undefined, problems);
  linkLessons(lessons, { url, title: y.title }, quiz ?? exercise);
  const words = (intro?.words ?? 0) + lessons.reduce((s, l) => s + l.words, 0) + (exercise?.words ?? 0);
  return {
    id: y.id,
    courseId,
    url,
    position,
    title: y.title,
    summary: y.summary,
    status: y.status,
    introduction:
      intro && m.introduction
        ? { title: m.introduction.frontMatter.title, html: intro.html, minutes: m.introduction.frontMatter.minutes }
        : undefined,
    lessons,
    lessonById: new Map(lessons.map((l) => [l.id, l])),
    quiz,
    exercise,
    survey: m.survey ? compileSurvey(m.survey, urls.moduleSurveyUrl(courseId, y.id), renderer) : undefined,
    completion: {
      lessons: y.completion.lessons,
      // A module without a quiz cannot require one.
      quiz: quiz ? y.completion.quiz : "none",
      exercise: y.completion.exercise,
    },
    badge: y.badge?.enabled ? { title: y.badge.title ?? y.title } : undefined,
    minutes:
      (m.introduction?.frontMatter.minutes ?? 0) +
      lessons.reduce((s, l) => s + l.minutes, 0) +
      (quiz?.minutes ?? 0) +
      (exercise?.minutes ?? 0),
    words,
  };
}

/** Previous/next within the module: the first lesson leads back to the module, the last on to the quiz or exercise. */
function linkLessons(
  lessons: Lesson[],
  moduleLink: { url: string; title: string },
  after: { url: string; title: string } | undefined,
): void {
  lessons.forEach((lesson, i) => {
    const prev = lessons[i - 1];
    const next = lessons[i + 1];
    lesson.prev = prev ? { url: prev.url, title: prev.title } : moduleLink;
    lesson.next = next
      ? { url: next.url, title: next.title }
      : after
        ? { url: after.url, title: after.title }
        : undefined;
  });
}

function checkModuleRules(m: ParsedModule, hasQuiz: boolean, hasExercise: boolean, problems: ProblemList): void {
  const c = m.value.completion;
  const lessonIds = new Set(m.lessons.map((l) => l.frontMatter.id));
  if (Array.isArray(c.lessons)) {
    c.lessons.forEach((id, i) => {
      if (!lessonIds.has(id)) reportAt(problems, m, ["completion", "lessons", i], `unknown lesson id "${id}"`);
    });
  }
  if (c.exercise === "submitted" && !hasExercise)
    reportAt(problems, m, ["completion", "exercise"], "completion asks for an exercise but the module has none");
  if (c.quiz !== "passed" && c.quiz !== "none" && !hasQuiz)
    reportAt(problems, m, ["completion", "quiz"], "completion asks for a quiz but the module has none");
}

function compileExercise(m: ParsedModule, url: string, renderer: DocRenderer): Exercise {
  const doc = m.exercise!;
  const rendered = renderer.document(doc.file, doc.body, doc.bodyLine);
  return {
    id: doc.frontMatter.id,
    url,
    title: doc.frontMatter.title,
    minutes: doc.frontMatter.minutes,
    html: rendered.html,
    words: rendered.words,
  };
}

function compileSurvey(parsed: ParsedYaml<SurveyYaml>, url: string, renderer: DocRenderer): Survey {
  const s = parsed.value;
  const line = nodePosition(parsed.source, ["intro"]).line;
  return {
    id: s.id,
    url,
    title: s.title,
    introHtml: s.intro ? renderer.snippet(parsed.file, s.intro, line, { block: true }) : undefined,
    questions: s.questions.map((q) => (q.type === "likert" ? { ...q } : { ...q })),
  };
}

function compileGlossary(course: ParsedCourse, renderer: DocRenderer, problems: ProblemList): GlossaryTerm[] {
  const g = course.glossary;
  if (!g) return [];
  const ids = new Set(g.value.terms.map((t) => t.id));
  return g.value.terms.map((t, i) => {
    t.see_also.forEach((ref, j) => {
      if (!ids.has(ref)) reportAt(problems, g, ["terms", i, "see_also", j], `unknown glossary term "${ref}"`);
    });
    const line = nodePosition(g.source, ["terms", i, "definition"]).line;
    return {
      id: t.id,
      term: t.term,
      definitionHtml: renderer.snippet(g.file, t.definition, line, { block: true }),
      definitionText: plainText(t.definition),
      seeAlso: t.see_also,
    };
  });
}

function compileResources(
  course: ParsedCourse,
  renderer: DocRenderer,
  resolver: LinkResolver,
  problems: ProblemList,
): Resource[] {
  return course.resources.flatMap((r, i): Resource[] => {
    const url = urls.resourceUrl(course.value.id, r.id);
    if (r.file.endsWith(".md")) {
      if (!r.page) return []; // already reported while parsing
      const html = renderer.document(r.file, r.page.body, r.page.bodyLine).html;
      return [
        { id: r.id, kind: "page", url, title: r.page.frontMatter.title ?? r.title, description: r.description, html },
      ];
    }
    const relative = path.relative(course.dir, r.file).split(path.sep).join("/");
    const asset = resolver.resolveAsset(course.file, relative);
    if (!asset.ok) {
      reportAt(problems, course, ["resources", i, "file"], asset.message);
      return [];
    }
    const bytes = resolver.bytesOf(r.file);
    return [
      {
        id: r.id,
        kind: "file",
        url: asset.href,
        title: r.title,
        description: r.description,
        bytes,
        fileName: path.basename(r.file),
      },
    ];
  });
}

function checkCourseIds(course: ParsedCourse, problems: ProblemList): void {
  const idSite = (
    file: string,
    source: ParsedYaml<unknown>["source"] | null,
    p: (string | number)[],
    id: string,
  ): IdSite => ({
    id,
    file,
    ...(source ? nodePosition(source, p) : { line: 1, col: 1 }),
  });
  checkUniqueIds(
    course.modules.map((m) => idSite(m.file, m.source, ["id"], m.value.id)),
    "module",
    problems,
  );
  for (const m of course.modules) {
    checkUniqueIds(
      m.lessons.map((l) => idSite(l.file, l.frontMatterSource, ["id"], l.frontMatter.id)),
      "lesson",
      problems,
    );
  }
  const surveys = [course.survey, ...course.modules.map((m) => m.survey)].filter((s) => s !== undefined);
  checkUniqueIds(
    surveys.map((s) => idSite(s.file, s.source, ["id"], s.value.id)),
    "survey",
    problems,
  );
  for (const s of surveys)
    checkUniqueIds(
      s.value.questions.map((q, i) => idSite(s.file, s.source, ["questions", i, "id"], q.id)),
      "survey question",
      problems,
    );
  checkUniqueIds(
    course.value.resources.map((r, i) => idSite(course.file, course.source, ["resources", i, "id"], r.id)),
    "resource",
    problems,
  );
  const g = course.glossary;
  if (g)
    checkUniqueIds(
      g.value.terms.map((t, i) => idSite(g.file, g.source, ["terms", i, "id"], t.id)),
      "glossary term",
      problems,
    );
}

function reportAt(problems: ProblemList, parsed: ParsedYaml<unknown>, p: (string | number)[], message: string): void {
  const at = nodePosition(parsed.source, p);
  problems.error(parsed.file, at.line, at.col, message);
}

/** Markdown reduced to plain text, for title attributes. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A short hash over every file the course read, in a stable order. */
function contentVersion(dir: string, reader: ContentReader): string {
  const hash = createHash("sha256");
  const files = [...reader.filesRead.keys()].filter((f) => f.startsWith(dir + path.sep)).sort();
  for (const file of files)
    hash.update(path.relative(dir, file)).update("\0").update(reader.filesRead.get(file)!).update("\0");
  return hash.digest("hex").slice(0, 12);
}
