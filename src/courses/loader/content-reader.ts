// Reads course files once, remembers every file it read (for the content hash and for
// "present but listed nowhere" warnings), and reports a missing file at the place in a
// YAML file that listed it. Every read goes through inspectFile (course-files.ts), so a
// file outside the course (through a symbolic link), a folder, a path too long or a file
// too large becomes a problem, never an exception.
import fs from "node:fs";
import path from "node:path";
import type { ProblemList } from "../problems.js";
import { nodePosition, type YamlSource } from "../yaml-source.js";
import {
  type CourseRoot,
  type FileCheck,
  inspectFile,
  MAX_ASSET_BYTES,
  MAX_TEXT_BYTES,
  MAX_TEXT_LINES,
} from "./course-files.js";

/** Where a file was referenced: a YAML node, or a line:col in a markdown file. */
export type ListedAt = { source: YamlSource; path: (string | number)[] } | { file: string; line: number; col: number };

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; missing: boolean; reason: string };

function listedFile(at: ListedAt): string {
  return "source" in at ? at.source.file : at.file;
}

export class ContentReader {
  readonly filesRead = new Map<string, Buffer>();
  /** Folders whose listing file is broken: their files are not "unlisted", just unread. */
  readonly unreadableFolders = new Set<string>();
  readonly root: CourseRoot;

  constructor(
    readonly problems: ProblemList,
    courseDir: string,
  ) {
    this.root = { dir: courseDir, real: safeRealpath(courseDir) };
  }

  /** Whether a file could be read, without reading it. */
  check(file: string): FileCheck {
    const cached = this.filesRead.get(file);
    if (cached) return { ok: true, real: file, size: cached.length };
    return inspectFile(this.root, file, Number.POSITIVE_INFINITY);
  }

  /** Whether something is there to read (a translation, say); reading it reports any problem. */
  exists(file: string): boolean {
    const check = this.check(file);
    return check.ok || !check.missing;
  }

  readText(file: string, listedAt: ListedAt | null, what = "file"): string | null {
    const bytes = this.readBytes(file, listedAt, what, MAX_TEXT_BYTES);
    if (bytes === null) return null;
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const lines = text.split("\n").length;
    if (lines > MAX_TEXT_LINES) {
      const limit = MAX_TEXT_LINES.toLocaleString("en");
      this.reportAt(
        listedAt ?? { file, line: 1, col: 1 },
        `${what} "${shorten(this.shown(file, listedAt))}" has ${lines.toLocaleString("en")} lines; the limit is ${limit}`,
      );
      return null;
    }
    return text;
  }

  /** Reads and reports any problem where the file was listed (or at the file itself). */
  readBytes(file: string, listedAt: ListedAt | null, what = "file", maxBytes = MAX_ASSET_BYTES): Buffer | null {
    const result = this.tryRead(file, maxBytes);
    if (result.ok) return result.bytes;
    this.reportAt(
      listedAt ?? { file, line: 1, col: 1 },
      `${what} "${shorten(this.shown(file, listedAt))}" ${result.reason}`,
    );
    return null;
  }

  /** The file as the listing wrote it (relative to the listing file), or its name. */
  private shown(file: string, listedAt: ListedAt | null): string {
    return listedAt ? path.relative(path.dirname(listedFile(listedAt)), file) : path.basename(file);
  }

  /** Reads without reporting: the caller words the problem (links and images in markdown). */
  tryRead(file: string, maxBytes = MAX_ASSET_BYTES): ReadResult {
    const cached = this.filesRead.get(file);
    if (cached) return { ok: true, bytes: cached };
    const check: FileCheck = inspectFile(this.root, file, maxBytes);
    if (!check.ok) return { ok: false, missing: check.missing, reason: check.reason };
    try {
      const bytes = fs.readFileSync(check.real);
      this.filesRead.set(file, bytes);
      return { ok: true, bytes };
    } catch (error) {
      return {
        ok: false,
        missing: false,
        reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      };
    }
  }

  reportAt(at: ListedAt, message: string, severity: "error" | "warning" = "error"): void {
    const { file, line, col } = "source" in at ? { file: at.source.file, ...nodePosition(at.source, at.path) } : at;
    if (severity === "error") this.problems.error(file, line, col, message);
    else this.problems.warning(file, line, col, message);
  }
}

function safeRealpath(dir: string): string | null {
  try {
    return fs.realpathSync.native(dir);
  } catch {
    return null;
  }
}

/** A 4 KB path in a message helps nobody. */
export function shorten(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
