// The checker's coverage table: for each course and language, how much is translated and
// how much is stale. Missing translations are shown here rather than as warnings, so a
// course whose translation is under way still checks clean.
import type { Catalog, Course } from "../catalog.js";

export type CoverageRow = {
  course: string;
  language: string;
  source: boolean;
  lessons: [done: number, total: number];
  quizzes: [done: number, total: number];
  words: number;
  stale: number;
  missing: number;
};

export function coverageRows(catalog: Catalog): CoverageRow[] {
  return catalog.courses.flatMap((course) => [
    sourceRow(course),
    ...[...(course.translations ?? new Map()).values()].map((t) => row(course, t)),
  ]);
}

function totals(course: Course) {
  return { lessons: course.stats.lessons, quizzes: course.modules.filter((m) => m.quiz).length };
}

function sourceRow(course: Course): CoverageRow {
  const { lessons, quizzes } = totals(course);
  return {
    course: course.id,
    language: course.language,
    source: true,
    lessons: [lessons, lessons],
    quizzes: [quizzes, quizzes],
    words: course.stats.words,
    stale: 0,
    missing: 0,
  };
}

function row(course: Course, view: Course): CoverageRow {
  const { lessons, quizzes } = totals(course);
  const status = view.translation!;
  return {
    course: course.id,
    language: view.language,
    source: false,
    lessons: [status.translated.lessons, lessons],
    quizzes: [status.translated.quizzes, quizzes],
    words: status.translated.words,
    stale: status.files.filter((f) => f.state === "stale").length,
    missing: status.files.filter((f) => f.state === "missing").length,
  };
}

/** A plain-text table, one line per course × language. */
export function formatCoverage(rows: readonly CoverageRow[]): string[] {
  if (rows.every((r) => r.source)) return [];
  const cells = rows.map((r) => [
    r.course,
    r.source ? `${r.language} (source)` : r.language,
    fraction(r.lessons),
    fraction(r.quizzes),
    r.words.toLocaleString("en"),
    r.source ? "–" : String(r.stale),
    r.source ? "–" : String(r.missing),
  ]);
  const header = ["course", "language", "lessons", "quizzes", "words", "stale", "missing files"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return ["Translations:", line(header), ...cells.map(line)];
}

function fraction([done, total]: [number, number]): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return `${done}/${total} (${percent}%)`;
}
