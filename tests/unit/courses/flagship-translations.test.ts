// The flagship course in four languages: French complete, every translation current, and
// every language the same course (same modules, lessons, questions and options by id).
// Arabic and Russian are still arriving, so their missing files are only counted here.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Course } from "../../../src/courses/catalog.js";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";
import { coverageRows } from "../../../src/courses/translations/coverage.js";

const { catalog } = loadCatalog(path.resolve("courses"));
const course = catalog?.courseById.get("drug-decriminalisation") as Course;
const shape = (c: Course) =>
  c.modules.map((m) => ({
    module: m.id,
    lessons: m.lessons.map((l) => l.id),
    questions: m.quiz?.questions.map((q) => [q.id, q.type, "options" in q ? q.options.map((o) => o.id) : []]),
  }));

describe("the Drug decriminalisation course in four languages", () => {
  it("is offered in English, French, Arabic and Russian", () => {
    expect(course.languages).toEqual(["en", "fr", "ar", "ru"]);
    expect([...course.translations!.keys()]).toEqual(["fr", "ar", "ru"]);
  });

  it("is complete in French", () => {
    const fr = coverageRows(catalog!).find((r) => r.course === course.id && r.language === "fr")!;
    expect(fr).toMatchObject({ lessons: [27, 27], quizzes: [7, 7], stale: 0, missing: 0 });
  });

  it.each(["fr", "ar", "ru"])("%s: the same course by id, and no translation stale or broken", (lang) => {
    const view = course.translations!.get(lang)!;
    expect(shape(view)).toEqual(shape(course));
    expect(view.translation!.files.filter((f) => f.state === "stale" || f.state === "broken")).toEqual([]);
    // At least the first module is translated in every language.
    expect(view.translation!.fallbacks.has(course.modules[0]!.lessons[0]!.url)).toBe(false);
  });
});
