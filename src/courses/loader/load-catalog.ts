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
import { linkEscapes } from "./course-files.js";
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
    try {
      const reader = new ContentReader(problems, dir);
      const parsed = parseCourse(reader, dir);
      if (parsed) {
        parsedSites.push({ id: parsed.value.id, file: parsed.file, ...nodePosition(parsed.source, ["id"]) });
        courses.push(withTranslations(compileCourse(parsed, reader, assets), parsed, reader, assets));
      }
      scanCourseFolder(dir, reader, problems, { warnUnlisted: parsed !== null });
    } catch (error) {
      // A safety net, not a way of working: the fuzzer (scripts/fuzz-courses.ts) counts
      // these as crashes. One broken course must not hide the problems of the others.
      problems.error(
        path.join(dir, "course.yaml"),
        1,
        1,
        `internal error while checking this course: ${describe(error)}`,
      );
    }
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
  const entries = listFolder(root, problems);
  if (looksLikeCourse(root, entries)) {
    problems.error(path.join(root, "course.yaml"), 1, 1, MISSING_COURSE_YAML);
    return [];
  }
  const dirs: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || /^[._]/.test(entry.name)) continue;
    const dir = path.join(root, entry.name);
    if (fs.existsSync(path.join(dir, "course.yaml"))) dirs.push(dir);
    else problems.error(path.join(dir, "course.yaml"), 1, 1, MISSING_COURSE_YAML);
  }
  return dirs;
}

const LINK_ESCAPES =
  "this symbolic link leads outside the course folder (or cannot be followed); course files must be inside it: copy the file in instead";

const MISSING_COURSE_YAML =
  "course.yaml is missing, so this folder is not a course: restore it, or rename the folder to start with _ to leave it out";

/**
 * A single course folder that lost its course.yaml still has module folders. (Loose files
 * prove nothing: a folder of courses may well hold a README.md.)
 */
function looksLikeCourse(root: string, entries: fs.Dirent[]): boolean {
  return entries.some((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, "module.yaml")));
}

function listFolder(dir: string, problems: ProblemList, recursive = false): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true, recursive });
  } catch (error) {
    problems.error(dir, 1, 1, `this folder cannot be read: ${describe(error)}`);
    return [];
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return String(e?.code ?? e?.message ?? error)
    .split("\n")[0]!
    .slice(0, 200);
}

/**
 * Walks the course folder once: a symbolic link leading outside the course is an error
 * even if nothing lists it yet (it would be published the day something does), and, once
 * course.yaml could be read, markdown and YAML files that nothing lists are probably a
 * forgotten entry in module.yaml.
 */
function scanCourseFolder(
  dir: string,
  reader: ContentReader,
  problems: ProblemList,
  { warnUnlisted }: { warnUnlisted: boolean },
): void {
  for (const entry of listFolder(dir, problems, true)) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) {
      if (linkEscapes(reader.root, file)) problems.error(file, 1, 1, LINK_ESCAPES);
      continue;
    }
    if (!warnUnlisted || !entry.isFile() || !/\.(md|ya?ml)$/i.test(entry.name)) continue;
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
