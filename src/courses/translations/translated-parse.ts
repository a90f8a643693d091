// Phase one for a language: for each file the source course read, its translation
// (`X.LANG.ext` beside `X.ext`) when there is one, validated with the source's schema plus
// `source_hash`, laid over the source. The result is a ParsedCourse for that language that
// the ordinary compiler turns into a Course with the same ids.
import path from "node:path";
import * as z from "zod";
import type { ContentReader } from "../loader/content-reader.js";
import type { ParsedCourse, ParsedDoc, ParsedModule, ParsedYaml } from "../loader/parsed.js";
import {
  courseSchema,
  exerciseFrontMatterSchema,
  glossarySchema,
  introductionFrontMatterSchema,
  lessonFrontMatterSchema,
  moduleSchema,
  quizSchema,
  resourceFrontMatterSchema,
  surveySchema,
} from "../schemas.js";
import { nodePosition, readYaml, splitFrontMatter } from "../yaml-source.js";
import { overlay } from "./overlay.js";
import { sourceHash } from "./source-hash.js";

const HASH_HELP = "the 12 hex digits printed by `npm run courses:source-hash -- <source file>`";
const sourceHashKey = {
  source_hash: z.string({ error: `must be ${HASH_HELP}, in quotes` }).regex(/^[0-9a-f]{12}$/, `must be ${HASH_HELP}`),
};

/** How each source file fared in one language. */
export type FileStatus = { source: string; translation: string; state: "current" | "stale" | "missing" | "broken" };

export type TranslatedParse = {
  parsed: ParsedCourse;
  files: FileStatus[];
  /** translation file → the source file it stands for (links to either reach the same page). */
  translatedFrom: Map<string, string>;
};

export function translationFile(source: string, lang: string): string {
  const ext = path.extname(source);
  return source.slice(0, -ext.length) + `.${lang}${ext}`;
}

export function parseTranslation(source: ParsedCourse, lang: string, reader: ContentReader): TranslatedParse {
  const files: FileStatus[] = [];
  const translatedFrom = new Map<string, string>();
  const problems = reader.problems;

  /** Reads and checks the translation's text; null when it does not exist. */
  const read = (src: string): { file: string; text: string; hash: string | null } | null => {
    const file = translationFile(src, lang);
    if (!reader.exists(file)) {
      files.push({ source: src, translation: file, state: "missing" });
      return null;
    }
    const text = reader.readText(file, null) ?? "";
    return { file, text, hash: sourceHash(reader.readText(src, null) ?? "") };
  };
  const settle = (src: string, file: string, ok: boolean, recorded: string | undefined, hash: string | null) => {
    const state = !ok ? "broken" : recorded === hash ? "current" : "stale";
    files.push({ source: src, translation: file, state });
    if (ok) translatedFrom.set(file, src);
  };

  const yamlFile = <T>(parsed: ParsedYaml<T>, schema: z.ZodObject, ignore?: Set<string>): ParsedYaml<T> => {
    const found = read(parsed.file);
    if (!found) return parsed;
    const result = readYaml(found.file, found.text, schema.extend(sourceHashKey), problems);
    if (!result) {
      settle(parsed.file, found.file, false, undefined, found.hash);
      return parsed;
    }
    const { source_hash, ...rest } = result.value as { source_hash: string };
    staleWarning(found.file, result.source, source_hash, found.hash);
    const errorsBefore = problems.errors.length;
    const value = overlay(parsed.value, rest, { source: result.source, problems, ignore });
    settle(parsed.file, found.file, problems.errors.length === errorsBefore, source_hash, found.hash);
    return { file: found.file, value, source: result.source };
  };

  const doc = <F>(parsed: ParsedDoc<F>, schema: z.ZodObject): ParsedDoc<F> => {
    const found = read(parsed.file);
    if (!found) return parsed;
    const split = splitFrontMatter(found.text);
    if (!split) {
      problems.error(found.file, 1, 1, `missing front matter: a translation starts with ---, source_hash: "…", ---`);
      settle(parsed.file, found.file, false, undefined, found.hash);
      return parsed;
    }
    const result = readYaml(found.file, split.yaml, schema.extend(sourceHashKey), problems, 1);
    if (!result) {
      settle(parsed.file, found.file, false, undefined, found.hash);
      return parsed;
    }
    const { source_hash, ...rest } = result.value as { source_hash: string };
    staleWarning(found.file, result.source, source_hash, found.hash);
    const errorsBefore = problems.errors.length;
    const frontMatter = overlay(parsed.frontMatter, rest, { source: result.source, problems });
    settle(parsed.file, found.file, problems.errors.length === errorsBefore, source_hash, found.hash);
    return {
      file: found.file,
      frontMatter,
      frontMatterSource: result.source,
      body: split.body,
      bodyLine: split.bodyLineOffset + 1,
    };
  };

  function staleWarning(file: string, src: ParsedYaml<unknown>["source"], recorded: string, current: string | null) {
    if (recorded === current) return;
    const at = nodePosition(src, ["source_hash"]);
    problems.warning(
      file,
      at.line,
      at.col,
      `stale translation: the source changed since it was translated (source_hash is ${current} now)`,
    );
  }

  const module = (m: ParsedModule): ParsedModule => ({
    ...yamlFile(m, moduleSchema),
    dir: m.dir,
    lessons: m.lessons.map((l) => doc(l, lessonFrontMatterSchema)),
    introduction: m.introduction && doc(m.introduction, introductionFrontMatterSchema),
    exercise: m.exercise && doc(m.exercise, exerciseFrontMatterSchema),
    quiz: m.quiz && yamlFile(m.quiz, quizSchema),
    survey: m.survey && yamlFile(m.survey, surveySchema),
  });

  const course = yamlFile(source, courseSchema, new Set(["language", "languages"]));
  const value = { ...course.value, language: lang, languages: source.value.languages };
  const parsed: ParsedCourse = {
    ...course,
    value,
    dir: source.dir,
    modules: source.modules.map(module),
    glossary: source.glossary && yamlFile(source.glossary, glossarySchema),
    survey: source.survey && yamlFile(source.survey, surveySchema),
    resources: source.resources.map((r, i) => {
      const page = r.page && r.file.endsWith(".md") ? doc(r.page, resourceFrontMatterSchema) : r.page;
      const listed = value.resources[i];
      return {
        ...r,
        title: listed?.title ?? r.title,
        description: listed?.description ?? r.description,
        file: page?.file ?? r.file,
        page,
      };
    }),
  };
  return { parsed: { ...parsed, translatedFrom }, files, translatedFrom };
}
