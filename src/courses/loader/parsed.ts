// Phase one of loading: every YAML file and front matter parsed and validated, but no
// markdown rendered yet (rendering needs the whole course to resolve links).
import type { CourseYaml, GlossaryYaml, LessonFrontMatter, ModuleYaml, QuizYaml, SurveyYaml } from "../schemas.js";
import type { YamlSource } from "../yaml-source.js";

export type ParsedYaml<T> = { file: string; value: T; source: YamlSource };

export type ParsedDoc<F> = {
  file: string;
  frontMatter: F;
  /** null when the document has no front matter (allowed for introductions and resources). */
  frontMatterSource: YamlSource | null;
  body: string;
  /** 1-based line number of the first body line in the file. */
  bodyLine: number;
};

export type ParsedModule = ParsedYaml<ModuleYaml> & {
  dir: string;
  introduction: ParsedDoc<{ title?: string | undefined; minutes?: number | undefined }> | undefined;
  lessons: ParsedDoc<LessonFrontMatter>[];
  quiz: ParsedYaml<QuizYaml> | undefined;
  exercise: ParsedDoc<{ id: string; title: string; minutes: number }> | undefined;
  survey: ParsedYaml<SurveyYaml> | undefined;
};

export type ParsedResource = {
  id: string;
  title: string;
  description: string | undefined;
  file: string;
  page: ParsedDoc<{ title?: string | undefined }> | undefined;
};

export type ParsedCourse = ParsedYaml<CourseYaml> & {
  dir: string;
  modules: ParsedModule[];
  glossary: ParsedYaml<GlossaryYaml> | undefined;
  survey: ParsedYaml<SurveyYaml> | undefined;
  resources: ParsedResource[];
  /** In a course built for another language: each translation file → its source file. */
  translatedFrom?: ReadonlyMap<string, string>;
};
