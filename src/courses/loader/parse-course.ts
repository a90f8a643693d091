// Phase one: read and validate course.yaml, each module.yaml and every file they list.
// Problems are recorded and parsing goes on, so one run reports everything.
import path from "node:path";
import type * as z from "zod";
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
import { readYaml, splitFrontMatter } from "../yaml-source.js";
import type { ContentReader, ListedAt } from "./content-reader.js";
import type { ParsedCourse, ParsedDoc, ParsedModule, ParsedResource, ParsedYaml } from "./parsed.js";

export function parseCourse(reader: ContentReader, dir: string): ParsedCourse | null {
  const course = parseYamlFile(reader, path.join(dir, "course.yaml"), courseSchema, null);
  if (!course) return null;
  const at = (...p: (string | number)[]): ListedAt => ({ source: course.source, path: p });
  const y = course.value;

  const modules = y.modules.flatMap((folder, i) => {
    const parsed = parseModule(reader, path.join(dir, folder), at("modules", i));
    return parsed ? [parsed] : [];
  });
  const resources = y.resources.map((r, i): ParsedResource => {
    const file = path.join(dir, r.file);
    const page = r.file.endsWith(".md")
      ? parseDoc(reader, file, resourceFrontMatterSchema, at("resources", i, "file"), { optional: true })
      : undefined;
    if (!r.file.endsWith(".md")) reader.readBytes(file, at("resources", i, "file"), "resource");
    return { id: r.id, title: r.title, description: r.description, file, page: page ?? undefined };
  });
  return {
    ...course,
    dir,
    modules,
    resources,
    glossary: y.glossary
      ? (parseYamlFile(reader, path.join(dir, y.glossary), glossarySchema, at("glossary")) ?? undefined)
      : undefined,
    survey: y.survey
      ? (parseYamlFile(reader, path.join(dir, y.survey), surveySchema, at("survey")) ?? undefined)
      : undefined,
  };
}

function parseModule(reader: ContentReader, dir: string, listedAt: ListedAt): ParsedModule | null {
  const file = path.join(dir, "module.yaml");
  const module = parseYamlFile(reader, file, moduleSchema, listedAt, "module folder file");
  if (!module) {
    reader.unreadableFolders.add(dir);
    return null;
  }
  const at = (...p: (string | number)[]): ListedAt => ({ source: module.source, path: p });
  const y = module.value;
  const lessons = y.lessons.flatMap((lessonFile, i) => {
    const doc = parseDoc(reader, path.join(dir, lessonFile), lessonFrontMatterSchema, at("lessons", i));
    return doc ? [doc] : [];
  });
  return {
    ...module,
    dir,
    lessons,
    introduction: y.introduction
      ? (parseDoc(reader, path.join(dir, y.introduction), introductionFrontMatterSchema, at("introduction"), {
          optional: true,
        }) ?? undefined)
      : undefined,
    exercise: y.exercise
      ? (parseDoc(reader, path.join(dir, y.exercise), exerciseFrontMatterSchema, at("exercise")) ?? undefined)
      : undefined,
    quiz: y.quiz ? (parseYamlFile(reader, path.join(dir, y.quiz), quizSchema, at("quiz")) ?? undefined) : undefined,
    survey: y.survey
      ? (parseYamlFile(reader, path.join(dir, y.survey), surveySchema, at("survey")) ?? undefined)
      : undefined,
  };
}

function parseYamlFile<S extends z.ZodType>(
  reader: ContentReader,
  file: string,
  schema: S,
  listedAt: ListedAt | null,
  what = "file",
): ParsedYaml<z.output<S>> | null {
  const text = reader.readText(file, listedAt, what);
  if (text === null) return null;
  const parsed = readYaml(file, text, schema, reader.problems);
  return parsed ? { file, value: parsed.value, source: parsed.source } : null;
}

/** A markdown file with front matter. With `optional`, a file without front matter is fine. */
export function parseDoc<S extends z.ZodType>(
  reader: ContentReader,
  file: string,
  schema: S,
  listedAt: ListedAt | null,
  { optional = false } = {},
): ParsedDoc<z.output<S>> | null {
  const text = reader.readText(file, listedAt);
  if (text === null) return null;
  const split = splitFrontMatter(text);
  if (!split) {
    if (optional) return { file, frontMatter: schema.parse({}), frontMatterSource: null, body: text, bodyLine: 1 };
    reader.problems.error(
      file,
      1,
      1,
      "missing front matter: start the file with a --- line, the YAML (id, title, minutes…), and another --- line",
    );
    return null;
  }
  const parsed = readYaml(file, split.yaml, schema, reader.problems, 1);
  if (!parsed) return null;
  return {
    file,
    frontMatter: parsed.value,
    frontMatterSource: parsed.source,
    body: split.body,
    bodyLine: split.bodyLineOffset + 1,
  };
}
