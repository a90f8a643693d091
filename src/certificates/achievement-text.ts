// What a certificate says about its achievement, in each language the course is written in:
// the printed titles come from the certificate's language, and the credential carries the
// name and description in every language that has them (docs/decisions/0015).
import type { Course, Module } from "../courses/catalog.js";
import { courseIn } from "../courses/translations/content-language.js";

export type AchievementText = {
  language: string;
  /** The badge title (module) or certificate title (course). */
  name: string;
  description: string;
  courseTitle: string;
  moduleTitle: string | undefined;
};

/** The texts in `lang`, or in the course's own language when it has no such translation. */
export function achievementTextIn(course: Course, module: Module | null, lang: string): AchievementText {
  const view = courseIn(course, lang);
  const m = module ? (view.moduleById.get(module.id) ?? module) : undefined;
  return {
    language: view.language,
    name: m ? (m.badge?.title ?? m.title) : view.certificate.title,
    description: m ? m.summary : view.summary,
    courseTitle: view.title,
    moduleTitle: m?.title,
  };
}

/** One entry per language whose course (or module) file is translated; the source first. */
export function achievementTexts(course: Course, module: Module | null): AchievementText[] {
  const page = module ? module.url : course.url;
  return [course.language, ...(course.translations?.keys() ?? [])]
    .filter((lang) => !courseIn(course, lang).translation?.fallbacks.has(page))
    .map((lang) => achievementTextIn(course, module, lang));
}
