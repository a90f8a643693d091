// The child process of scripts/fuzz-courses.ts: loads one course folder per message and
// answers with what a trainer would see. The parent kills it when it takes over 5 s.
import fs from "node:fs";
import path from "node:path";
import { loadCatalog } from "../../src/courses/loader/load-catalog.js";
import { formatProblem, type Problem } from "../../src/courses/problems.js";

export type ChildAnswer =
  | { ok: true; problems: number; unpositioned: string[]; internal: string[]; leaks: string[] }
  | { ok: false; error: string };

function positioned(p: Problem): boolean {
  return (
    typeof p.file === "string" &&
    path.isAbsolute(p.file) &&
    Number.isInteger(p.line) &&
    p.line >= 1 &&
    Number.isInteger(p.col) &&
    p.col >= 1 &&
    typeof p.message === "string" &&
    p.message.length > 0
  );
}

/** Assets the catalog would serve whose real path is outside their course: a leak. */
function leaks(catalog: NonNullable<ReturnType<typeof loadCatalog>["catalog"]>): string[] {
  const found: string[] = [];
  for (const course of catalog.courses) {
    const root = fs.realpathSync(course.dir);
    for (const [url, file] of catalog.assets) {
      if (!url.startsWith(`${course.url}/`)) continue;
      const real = fs.realpathSync(file);
      if (!real.startsWith(root + path.sep)) found.push(`${url} → ${real}`);
    }
  }
  return found;
}

process.on("message", (dir: string) => {
  let answer: ChildAnswer;
  try {
    const { catalog, problems } = loadCatalog(dir);
    for (const p of problems) formatProblem(p, dir);
    answer = {
      ok: true,
      problems: problems.length,
      unpositioned: problems.filter((p) => !positioned(p)).map((p) => JSON.stringify(p).slice(0, 300)),
      internal: problems.filter((p) => p.message.startsWith("internal error")).map((p) => formatProblem(p, dir)),
      leaks: catalog ? leaks(catalog) : [],
    };
  } catch (error) {
    answer = { ok: false, error: String((error as Error)?.stack ?? error).slice(0, 2000) };
  }
  process.send!(answer);
});
process.send!("ready");
