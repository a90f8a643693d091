// Duplicate ids are reported at the second (and later) occurrence, naming the first.
import path from "node:path";
import type { ProblemList } from "../problems.js";

export type IdSite = { id: string; file: string; line: number; col: number };

export function checkUniqueIds(sites: IdSite[], what: string, problems: ProblemList): void {
  const first = new Map<string, IdSite>();
  for (const site of sites) {
    const earlier = first.get(site.id);
    if (!earlier) {
      first.set(site.id, site);
      continue;
    }
    const where =
      earlier.file === site.file
        ? `line ${earlier.line}`
        : `${path.relative(path.dirname(site.file), earlier.file)}:${earlier.line}`;
    problems.error(site.file, site.line, site.col, `duplicate ${what} id "${site.id}" (first used at ${where})`);
  }
}
