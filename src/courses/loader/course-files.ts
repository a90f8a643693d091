// What may be read from a course folder: regular files whose real path (after following
// every symbolic link) is inside the course's own real folder, and not too large. A link
// to /etc/passwd or to the instance's keys must never be published. Every file-system
// error becomes a reason in words, never an exception: course files are untrusted input.
import fs from "node:fs";
import path from "node:path";

/**
 * YAML and markdown: the largest shipped file is ~14 KB and 265 lines. Rendering costs
 * grow with the number of blocks (a 48,000-row table took 8 s on a busy machine), so both
 * the size and the line count are capped well above any real lesson and well below that.
 */
export const MAX_TEXT_BYTES = 256 * 1024;
export const MAX_TEXT_LINES = 5000;
/** Media and downloads are read into memory to hash them; lessons are for cheap phones. */
export const MAX_ASSET_BYTES = 100 * 1024 * 1024;

export type CourseRoot = { dir: string; real: string | null };

export type FileCheck = { ok: true; real: string; size: number } | { ok: false; missing: boolean; reason: string };

const MISSING: FileCheck = { ok: false, missing: true, reason: "does not exist" };

export function inspectFile(root: CourseRoot, file: string, maxBytes: number): FileCheck {
  if (!isInside(path.resolve(file), path.resolve(root.dir)))
    return { ok: false, missing: false, reason: "is outside this course's folder" };
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync.native(file);
    stat = fs.statSync(real);
  } catch (error) {
    return fileSystemReason(error);
  }
  if (root.real === null || !isInside(real, root.real))
    return {
      ok: false,
      missing: false,
      reason:
        "is a symbolic link to a place outside this course's folder: course files must be inside it (copy the file in)",
    };
  if (!stat.isFile())
    return {
      ok: false,
      missing: false,
      reason: stat.isDirectory() ? "is a folder, not a file" : "is not a regular file",
    };
  if (stat.size > maxBytes)
    return { ok: false, missing: false, reason: `is ${formatSize(stat.size)}; the limit is ${formatSize(maxBytes)}` };
  return { ok: true, real, size: stat.size };
}

/** A symbolic link whose target resolves outside the course (dangling links inside are harmless). */
export function linkEscapes(root: CourseRoot, link: string): boolean {
  try {
    return root.real === null || !isInside(fs.realpathSync.native(link), root.real);
  } catch (error) {
    // A loop or an over-long target cannot be followed by anyone, including the web server.
    return (error as NodeJS.ErrnoException).code !== "ENOENT" && (error as NodeJS.ErrnoException).code !== "ENOTDIR";
  }
}

/** Is `real` (already resolved) the same as or below `dir`? */
export function isInside(real: string, dir: string): boolean {
  return real === dir || real.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/**
 * At serving time: the file still resolves inside its course (a link may be swapped in after
 * loading). Synchronous on purpose: a realpath and a stat of cached inodes cost less than
 * trips through the thread pool (~60 µs vs ~370 µs async, measured at load average 16), and
 * the course's own real path is looked up once.
 */
export function stillInsideCourse(file: string, courseDir: string): boolean {
  try {
    let root = realCourseDirs.get(courseDir);
    if (root === undefined) {
      root = fs.realpathSync.native(courseDir);
      realCourseDirs.set(courseDir, root);
    }
    const real = fs.realpathSync.native(file);
    return isInside(real, root) && fs.statSync(real).isFile();
  } catch {
    return false;
  }
}

const realCourseDirs = new Map<string, string>();

function fileSystemReason(error: unknown): FileCheck {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return MISSING;
    case "ENOTDIR":
      return { ok: false, missing: true, reason: "does not exist (part of its path is a file, not a folder)" };
    case "ENAMETOOLONG":
      return { ok: false, missing: false, reason: "is not a valid path: it is too long" };
    case "ELOOP":
      return { ok: false, missing: false, reason: "is a symbolic link that leads round in a loop" };
    case "EACCES":
    case "EPERM":
      return { ok: false, missing: false, reason: "cannot be read: permission denied" };
    case "ERR_INVALID_ARG_VALUE":
    case "ERR_INVALID_ARG_TYPE":
      return { ok: false, missing: false, reason: "is not a valid path (it contains a NUL character)" };
    default:
      return { ok: false, missing: false, reason: `cannot be read (${code ?? "unknown error"})` };
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
