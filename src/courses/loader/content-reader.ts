// Reads course files once, remembers every file it read (for the content hash and for
// "present but listed nowhere" warnings), and reports a missing file at the place in a
// YAML file that listed it.
import fs from "node:fs";
import path from "node:path";
import type { ProblemList } from "../problems.js";
import { nodePosition, type YamlSource } from "../yaml-source.js";

/** Where a file was referenced: a YAML node, or a line:col in a markdown file. */
export type ListedAt = { source: YamlSource; path: (string | number)[] } | { file: string; line: number; col: number };

function listedFile(at: ListedAt): string {
  return "source" in at ? at.source.file : at.file;
}

export class ContentReader {
  readonly filesRead = new Map<string, Buffer>();
  /** Folders whose listing file is broken: their files are not "unlisted", just unread. */
  readonly unreadableFolders = new Set<string>();

  constructor(readonly problems: ProblemList) {}

  exists(file: string): boolean {
    return this.filesRead.has(file) || fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  }

  readText(file: string, listedAt: ListedAt | null, what = "file"): string | null {
    const bytes = this.readBytes(file, listedAt, what);
    return bytes === null ? null : bytes.toString("utf8").replace(/^\uFEFF/, "");
  }

  readBytes(file: string, listedAt: ListedAt | null, what = "file"): Buffer | null {
    const cached = this.filesRead.get(file);
    if (cached) return cached;
    if (!this.exists(file)) {
      if (listedAt)
        this.reportAt(listedAt, `${what} "${path.relative(path.dirname(listedFile(listedAt)), file)}" does not exist`);
      return null;
    }
    const bytes = fs.readFileSync(file);
    this.filesRead.set(file, bytes);
    return bytes;
  }

  reportAt(at: ListedAt, message: string, severity: "error" | "warning" = "error"): void {
    const { file, line, col } = "source" in at ? { file: at.source.file, ...nodePosition(at.source, at.path) } : at;
    if (severity === "error") this.problems.error(file, line, col, message);
    else this.problems.warning(file, line, col, message);
  }
}
