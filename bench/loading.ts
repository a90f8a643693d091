// How long it takes to load and compile courses: the shipped ones, and 1,000 lessons.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadCatalog } from "../src/courses/loader/load-catalog.js";
import { generateCourse } from "./generate-course.js";
import { type Figure, median } from "./stats.js";

function timeLoad(dir: string, runs: number): { ms: number; lessons: number } {
  const times: number[] = [];
  let lessons = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { catalog, problems } = loadCatalog(dir);
    times.push(performance.now() - started);
    if (!catalog) throw new Error(`content problems:\n${problems.map((p) => p.message).join("\n")}`);
    lessons = catalog.courses.reduce((sum, c) => sum + c.stats.lessons, 0);
  }
  return { ms: median(times), lessons };
}

export function benchLoading(): Figure[] {
  const shipped = timeLoad(path.resolve("courses"), 5);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-bench-"));
  const generated = timeLoad(generateCourse(tmp, 1000), 3);
  fs.rmSync(tmp, { recursive: true, force: true });
  return [
    { name: `load shipped courses (${shipped.lessons} lessons)`, value: shipped.ms, unit: "ms" },
    {
      name: `load generated course (${generated.lessons} lessons)`,
      value: generated.ms,
      unit: "ms",
      target: "≤ 1000 ms",
      ok: generated.ms <= 1000,
    },
  ];
}
