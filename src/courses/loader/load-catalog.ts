// Builds the catalog from a folder of courses (or a single course folder), collecting
// every problem. Errors mean no catalog; warnings are returned alongside one.
import fs from "node:fs";
import path from "node:path";
import type { Catalog, Course } from "../catalog.js";
import { type Problem, ProblemList, sortProblems } from "../problems.js";
import { withTranslations } from "../translations/compile-translations.js";
import { nodePosition } from "../yaml-source.js";
import { checkUniqueIds } from "./check-ids.js";
import { compileCourse } from "./compile-course.js";
import { ContentReader } from "./content-reader.js";
import { parseCourse } from "./parse-course.js";

export type LoadResult = { catalog: Catalog | null; problems: Problem[] };

export function loadCatalog(root: string): LoadResult {
  const problems = new ProblemList();
  const absRoot = path.resolve(root);
  if (!fs.statSync(absRoot, { throwIfNoEntry: false })?.isDirectory()) {
    problems.error(absRoot, 1, 1, "the courses folder does not exist");
    return { catalog: null, problems: problems.items };
  }
  const assets = new Map<string, string>();
  const courses: Course[] = [];
  const parsedSites: { id: string; file: string; line: number; col: number }[] = [];
  for (const dir of courseDirs(absRoot, problems)) {
    const reader = new ContentReader(problems);
    const parsed = parseCourse(reader, dir);
    if (!parsed) continue;
    parsedSites.push({ id: parsed.value.id, file: parsed.file, ...nodePosition(parsed.source, ["id"]) });
    courses.push(withTranslations(compileCourse(parsed, reader, assets), parsed, reader, assets));
    warnUnlisted(dir, reader, problems);
  }
  checkUniqueIds(parsedSites, "course", problems);
  const sorted = sortProblems(problems.items);
  if (problems.errors.length > 0) return { catalog: null, problems: sorted };
  return {
    catalog: { courses, courseById: new Map(courses.map((c) => [c.id, c])), assets },
    problems: sorted,
  };
}

function courseDirs(root: string, problems: ProblemList): string[] {
  if (fs.existsSync(path.join(root, "course.yaml"))) return [root];
  const dirs: string[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || /^[._]/.test(entry.name)) continue;
    const dir = path.join(root, entry.name);
    if (fs.existsSync(path.join(dir, "course.yaml"))) dirs.push(dir);
    else problems.warning(dir, 1, 1, "this folder has no course.yaml, so it is not a course");
  }
  return dirs;
}

/** Markdown and YAML files that nothing lists are probably a forgotten entry in module.yaml. */
function warnUnlisted(dir: string, reader: ContentReader, problems: ProblemList): void {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  for (const entry of files) {
    if (!entry.isFile() || !/\.(md|ya?ml)$/i.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (
      path
        .relative(dir, file)
        .split(path.sep)
        .some((part) => /^[._]/.test(part))
    )
      continue;
    if (isTranslationOrNote(file)) continue;
    const inBrokenFolder = [...reader.unreadableFolders].some((folder) => file.startsWith(folder + path.sep));
    if (!reader.filesRead.has(file) && !inBrokenFolder) {
      problems.warning(
        file,
        1,
        1,
        "this file is not listed in course.yaml or any module.yaml, so learners will not see it",
      );
    }
  }
}

/**
 * `what-it-is.fr.md` next to `what-it-is.md` is a translation, and `TRANSLATIONS.fr.md` holds
 * notes for reviewers: neither is listed anywhere, and neither is a forgotten file.
 */
function isTranslationOrNote(file: string): boolean {
  const name = path.basename(file);
  if (/^TRANSLATIONS(\.[\w-]+)*\.md$/.test(name)) return true;
  const [, stem, ext] = /^(.+)\.[a-z]{2,3}(\.(?:md|ya?ml))$/i.exec(name) ?? [];
  return stem !== undefined && ext !== undefined && fs.existsSync(path.join(path.dirname(file), stem + ext));
}
