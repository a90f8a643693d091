// The catalog: every course compiled once into an immutable value. Routes only read it;
// nothing reads course files while serving. Markdown is already rendered and sanitised.
import type { TocEntry } from "./markdown/render-env.js";
import type { TranslationStatus } from "./translations/compile-translations.js";

export type Html = string;
export type Status = "published" | "draft";
export type NavLink = { url: string; title: string };

export type Catalog = {
  courses: readonly Course[];
  courseById: ReadonlyMap<string, Course>;
  /** Asset URL path (without query) → absolute file path. Only these files are served. */
  assets: ReadonlyMap<string, string>;
};

export type Course = {
  id: string;
  dir: string;
  url: string;
  title: string;
  summary: string;
  descriptionHtml: Html | undefined;
  language: string;
  languages: readonly string[];
  status: Status;
  host: { name: string; role: string | undefined } | undefined;
  outcomes: readonly string[];
  order: "any" | "sequential";
  modules: readonly Module[];
  moduleById: ReadonlyMap<string, Module>;
  glossary: readonly GlossaryTerm[];
  resources: readonly Resource[];
  resourceById: ReadonlyMap<string, Resource>;
  survey: Survey | undefined;
  completion: { modules: "all" | readonly string[]; quizScore: "best" | "last" };
  certificate: { enabled: boolean; title: string };
  minutes: number;
  /** Content hash of every file of the course: changes whenever the content does. */
  version: string;
  stats: { lessons: number; questions: number; words: number };
  /** On a source course: the same course in each other language it declares (same ids). */
  translations?: ReadonlyMap<string, Course>;
  /** On a course in another language: which files are translated, and which pages fall back. */
  translation?: TranslationStatus;
};

export type Module = {
  id: string;
  courseId: string;
  url: string;
  position: number;
  title: string;
  summary: string;
  status: Status;
  introduction: { title: string | undefined; html: Html; minutes: number | undefined } | undefined;
  lessons: readonly Lesson[];
  lessonById: ReadonlyMap<string, Lesson>;
  quiz: Quiz | undefined;
  exercise: Exercise | undefined;
  survey: Survey | undefined;
  completion: {
    lessons: "all" | "none" | readonly string[];
    quiz: "passed" | "attempted" | "none";
    exercise: "none" | "submitted";
  };
  badge: { title: string } | undefined;
  minutes: number;
  words: number;
};

export type Lesson = {
  id: string;
  courseId: string;
  moduleId: string;
  url: string;
  position: number;
  title: string;
  minutes: number;
  objectives: readonly string[];
  keyPoints: readonly string[];
  html: Html;
  toc: readonly TocEntry[];
  words: number;
  prev: NavLink | undefined;
  next: NavLink | undefined;
};

export type Exercise = { id: string; url: string; title: string; minutes: number; html: Html; words: number };

export type ChoiceOption = { id: string; html: Html; correct: boolean; feedbackHtml: Html | undefined };
export type Scoring = "all_or_nothing" | "partial";

type QuestionBase = {
  id: string;
  points: number;
  promptHtml: Html;
  explanationHtml: Html;
  feedback: { correctHtml: Html | undefined; incorrectHtml: Html | undefined };
};

export type QuizQuestion =
  | (QuestionBase & { type: "single_choice"; options: readonly ChoiceOption[] })
  | (QuestionBase & { type: "multiple_choice"; scoring: Scoring; options: readonly ChoiceOption[] })
  | (QuestionBase & { type: "true_false"; answer: boolean })
  | (QuestionBase & { type: "short_text"; accepted: readonly string[] })
  | (QuestionBase & { type: "numeric"; answer: number; tolerance: number; unit: string | undefined })
  | (QuestionBase & {
      type: "matching";
      scoring: Scoring;
      pairs: readonly { id: string; promptHtml: Html; match: string }[];
      /** Every match and distractor, de-duplicated and sorted: what learners choose from. */
      choices: readonly string[];
    })
  | (QuestionBase & { type: "ordering"; scoring: Scoring; items: readonly { id: string; html: Html }[] });

export type QuestionType = QuizQuestion["type"];

export type Quiz = {
  id: string;
  url: string;
  title: string;
  minutes: number;
  settings: {
    passMark: number;
    maxAttempts: number;
    shuffleQuestions: boolean;
    shuffleOptions: boolean;
    draw: number | undefined;
    reveal: "answers" | "retry";
  };
  questions: readonly QuizQuestion[];
};

export type SurveyQuestion =
  | { id: string; type: "likert"; prompt: string; scale: "agreement" | "usefulness" | "difficulty"; required: boolean }
  | { id: string; type: "text"; prompt: string; required: boolean };

export type Survey = {
  id: string;
  url: string;
  title: string;
  introHtml: Html | undefined;
  questions: readonly SurveyQuestion[];
};

export type GlossaryTerm = {
  id: string;
  term: string;
  definitionHtml: Html;
  definitionText: string;
  seeAlso: readonly string[];
};

export type Resource =
  | { id: string; kind: "page"; url: string; title: string; description: string | undefined; html: Html }
  | {
      id: string;
      kind: "file";
      url: string;
      title: string;
      description: string | undefined;
      bytes: number;
      fileName: string;
    };

export function findCourse(catalog: Catalog, courseId: string): Course | undefined {
  return catalog.courseById.get(courseId);
}

export function findModule(catalog: Catalog, courseId: string, moduleId: string): Module | undefined {
  return catalog.courseById.get(courseId)?.moduleById.get(moduleId);
}
