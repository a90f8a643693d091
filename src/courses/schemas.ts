// The authoring format, defined once. docs/authoring.md explains it to trainers; the
// loader validates every file against these schemas and maps each issue to file:line:col.
// Keys are snake_case in YAML (what trainers type) and stay so in the parsed value.
import * as z from "zod";

/** Ids appear in URLs and key learner progress: they must never depend on file names. */
export const idSchema = z
  .string({ error: 'must be an id such as "what-is-decriminalisation"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids use lowercase letters, digits and single hyphens, e.g. "module-1"')
  .max(64, "ids are at most 64 characters");

/** Names that would collide with the platform's own URLs under /courses/<course>/… */
export const RESERVED_MODULE_IDS = ["glossary", "resources", "assets", "survey", "enrol", "certificate", "progress"];
export const RESERVED_LESSON_IDS = ["quiz", "exercise", "survey", "introduction", "complete", "attempts", "badge"];

const text = (what: string, max?: number) => {
  const value = z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} cannot be empty`);
  // Without its own message, a length check would reuse "must be text" and mislead the author.
  return max === undefined ? value : value.max(max, `${what} is too long: keep it under ${max} characters`);
};
const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as "en" or "fr"');
const minutes = z
  .number({ error: "must be a number of minutes" })
  .int("must be a whole number of minutes")
  .min(1)
  .max(600);
const relativeFile = (ext: RegExp, what: string) =>
  z
    .string({ error: `must be the path of ${what}` })
    .regex(ext, `must be the path of ${what}`)
    .refine((p) => !p.startsWith("/") && !p.split(/[\\/]/).includes(".."), "must be a path inside this folder");
const markdownFile = relativeFile(/\.md$/, "a markdown (.md) file");
const yamlFile = relativeFile(/\.ya?ml$/, "a YAML (.yaml) file");
const status = z.enum(["published", "draft"], { error: 'must be "published" or "draft"' }).default("published");

// ---------- course.yaml ----------

export const courseSchema = z.strictObject({
  id: idSchema,
  title: text("title", 120),
  summary: text("summary", 300),
  description: text("description").optional(),
  language: languageTag,
  languages: z.array(languageTag).min(1).optional(),
  status,
  host: z
    .strictObject({
      name: text("host name", 60),
      role: text("host role", 120).optional(),
    })
    .optional(),
  outcomes: z.array(text("an outcome")).min(1, "list at least one learning outcome"),
  order: z.enum(["any", "sequential"], { error: 'must be "any" or "sequential"' }),
  modules: z.array(relativeFile(/^[^/]+$/, "a module folder")).min(1, "list at least one module folder"),
  glossary: yamlFile.optional(),
  resources: z
    .array(
      z.strictObject({
        id: idSchema,
        title: text("title"),
        description: text("description").optional(),
        file: relativeFile(/\.[a-z0-9]+$/i, "a file"),
      }),
    )
    .default([]),
  survey: yamlFile.optional(),
  completion: z
    .strictObject({
      modules: z.union([z.literal("all"), z.array(idSchema).min(1)]).default("all"),
      quiz_score: z.enum(["best", "last"], { error: 'must be "best" or "last"' }).default("best"),
    })
    .default({ modules: "all", quiz_score: "best" }),
  certificate: z
    .strictObject({
      enabled: z.boolean().default(true),
      title: text("certificate title", 160).optional(),
    })
    .default({ enabled: true }),
});
export type CourseYaml = z.infer<typeof courseSchema>;

// ---------- module.yaml ----------

export const moduleSchema = z.strictObject({
  id: idSchema.refine((id) => !RESERVED_MODULE_IDS.includes(id), {
    error: `this id is reserved for the platform's own pages (${RESERVED_MODULE_IDS.join(", ")})`,
  }),
  title: text("title", 120),
  summary: text("summary", 300),
  status,
  introduction: markdownFile.optional(),
  lessons: z.array(markdownFile).min(1, "list at least one lesson file"),
  quiz: yamlFile.optional(),
  exercise: markdownFile.optional(),
  survey: yamlFile.optional(),
  completion: z
    .strictObject({
      lessons: z.union([z.literal("all"), z.literal("none"), z.array(idSchema).min(1)]).default("all"),
      quiz: z
        .enum(["passed", "attempted", "none"], { error: 'must be "passed", "attempted" or "none"' })
        .default("passed"),
      exercise: z.enum(["none", "submitted"], { error: 'must be "none" or "submitted"' }).default("none"),
    })
    .default({ lessons: "all", quiz: "passed", exercise: "none" }),
  badge: z
    .strictObject({
      enabled: z.boolean().default(true),
      title: text("badge title", 160).optional(),
    })
    .optional(),
});
export type ModuleYaml = z.infer<typeof moduleSchema>;

// ---------- front matter ----------

export const lessonFrontMatterSchema = z.strictObject({
  id: idSchema.refine((id) => !RESERVED_LESSON_IDS.includes(id), {
    error: `this id is reserved for the platform's own pages (${RESERVED_LESSON_IDS.join(", ")})`,
  }),
  title: text("title", 160),
  minutes,
  objectives: z.array(text("an objective")).default([]),
  key_points: z.array(text("a key point")).default([]),
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

export const introductionFrontMatterSchema = z.strictObject({
  title: text("title", 160).optional(),
  minutes: minutes.optional(),
});

export const exerciseFrontMatterSchema = z.strictObject({
  id: idSchema,
  title: text("title", 160),
  minutes,
});

export const resourceFrontMatterSchema = z.strictObject({
  title: text("title", 160).optional(),
});

// ---------- quiz.yaml ----------

const feedbackPair = z.strictObject({
  correct: text("feedback").optional(),
  incorrect: text("feedback").optional(),
});

const choiceOption = z.strictObject({
  id: idSchema,
  text: text("option text"),
  correct: z.boolean().default(false),
  feedback: text("feedback").optional(),
});

const questionBase = {
  id: idSchema,
  prompt: text("prompt"),
  explanation: text("explanation"),
  points: z.number().int().min(1).max(100).default(1),
};

export const questionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      ...questionBase,
      type: z.literal("single_choice"),
      options: z.array(choiceOption).min(2, "give at least two options"),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal("multiple_choice"),
      scoring: z
        .enum(["all_or_nothing", "partial"], { error: 'must be "all_or_nothing" or "partial"' })
        .default("partial"),
      options: z.array(choiceOption).min(2, "give at least two options"),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal("true_false"),
      answer: z.boolean({ error: "must be true or false" }),
      feedback: feedbackPair.optional(),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal("short_text"),
      accepted: z.array(text("an accepted answer")).min(1, "list at least one accepted answer"),
      feedback: feedbackPair.optional(),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal("numeric"),
      answer: z.number({ error: "must be a number" }),
      tolerance: z.number().min(0, "cannot be negative").default(0),
      unit: text("unit").optional(),
      feedback: feedbackPair.optional(),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal("matching"),
      scoring: z.enum(["all_or_nothing", "partial"]).default("partial"),
      pairs: z
        .array(z.strictObject({ id: idSchema, prompt: text("prompt"), match: text("match") }))
        .min(2, "give at least two pairs"),
      distractors: z.array(text("a distractor")).default([]),
      feedback: feedbackPair.optional(),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal("ordering"),
      scoring: z.enum(["all_or_nothing", "partial"]).default("all_or_nothing"),
      items: z.array(z.strictObject({ id: idSchema, text: text("item text") })).min(2, "give at least two items"),
      feedback: feedbackPair.optional(),
    }),
  ],
  { error: "type must be one of single_choice, multiple_choice, true_false, short_text, numeric, matching, ordering" },
);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question["type"];

export const quizSchema = z.strictObject({
  id: idSchema,
  title: text("title", 160),
  minutes: minutes.optional(),
  settings: z
    .strictObject({
      pass_mark: z.number().min(0).max(100).default(70),
      max_attempts: z.number().int().min(0).default(0),
      shuffle_questions: z.boolean().default(false),
      shuffle_options: z.boolean().default(false),
      draw: z.number().int().min(1).optional(),
      reveal: z.enum(["answers", "retry"], { error: 'must be "answers" or "retry"' }).default("answers"),
    })
    .default({ pass_mark: 70, max_attempts: 0, shuffle_questions: false, shuffle_options: false, reveal: "answers" }),
  questions: z.array(questionSchema).min(1, "a quiz needs at least one question"),
});
export type QuizYaml = z.infer<typeof quizSchema>;

// ---------- survey.yaml ----------

export const surveySchema = z.strictObject({
  id: idSchema,
  title: text("title", 160),
  intro: text("intro").optional(),
  questions: z
    .array(
      z.discriminatedUnion(
        "type",
        [
          z.strictObject({
            id: idSchema,
            type: z.literal("likert"),
            prompt: text("prompt"),
            scale: z.enum(["agreement", "usefulness", "difficulty"]).default("agreement"),
            required: z.boolean().default(false),
          }),
          z.strictObject({
            id: idSchema,
            type: z.literal("text"),
            prompt: text("prompt"),
            required: z.boolean().default(false),
          }),
        ],
        { error: "type must be likert or text" },
      ),
    )
    .min(1, "a survey needs at least one question"),
});
export type SurveyYaml = z.infer<typeof surveySchema>;

// ---------- glossary.yaml ----------

export const glossarySchema = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        id: idSchema,
        term: text("term"),
        definition: text("definition"),
        see_also: z.array(idSchema).default([]),
      }),
    )
    .min(1),
});
export type GlossaryYaml = z.infer<typeof glossarySchema>;

// ---------- blocks inside markdown ----------

/** A ```video fenced block: a local file, a captions track, and a transcript. */
export const videoBlockSchema = z.strictObject({
  src: relativeFile(/\.(mp4|webm)$/i, "a .mp4 or .webm file"),
  captions: relativeFile(/\.vtt$/i, "a WebVTT (.vtt) captions file"),
  transcript: markdownFile,
  title: text("title"),
  poster: relativeFile(/\.(jpe?g|png|webp)$/i, "an image").optional(),
});
