// The checker's summary: totals, then one line per module with its words and question types.
import type { Catalog } from "./catalog.js";

export function summarizeCatalog(catalog: Catalog): string[] {
  const lines: string[] = [];
  const modules = catalog.courses.flatMap((c) => c.modules);
  const sum = (f: (c: Catalog["courses"][number]) => number) => catalog.courses.reduce((s, c) => s + f(c), 0);
  lines.push(
    `${catalog.courses.length} course(s), ${modules.length} module(s), ${sum((c) => c.stats.lessons)} lesson(s), ` +
      `${sum((c) => c.stats.questions)} question(s), ${sum((c) => c.stats.words).toLocaleString("en")} words`,
  );
  for (const course of catalog.courses) {
    lines.push(
      "",
      `${course.id} — ${course.title} (${course.modules.length} modules, ~${Math.round(course.minutes / 6) / 10} h, version ${course.version})`,
    );
    for (const m of course.modules) {
      const types = m.quiz ? countTypes(m.quiz.questions.map((q) => q.type)) : "no quiz";
      const lessonWords = m.lessons.map((l) => l.words).join("/");
      lines.push(
        `  ${m.id}${m.status === "draft" ? " [draft]" : ""}: ${m.lessons.length} lessons (${lessonWords} words), ` +
          `${m.words} words in all, ${m.minutes} min; quiz: ${types}${m.exercise ? "; exercise" : ""}${m.survey ? "; survey" : ""}`,
      );
    }
  }
  return lines;
}

function countTypes(types: string[]): string {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return `${types.length} questions (${[...counts].map(([t, n]) => `${n} ${t}`).join(", ")})`;
}
