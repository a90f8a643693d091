// A problem found in course content, always tied to a place a trainer can open.
// The loader collects every problem before deciding; it never stops at the first.
import path from "node:path";

export type Severity = "error" | "warning";

export type Problem = {
  /** Absolute path of the file. */
  file: string;
  /** 1-based line and column. */
  line: number;
  col: number;
  message: string;
  severity: Severity;
};

export class ProblemList {
  readonly items: Problem[] = [];

  error(file: string, line: number, col: number, message: string): void {
    this.items.push({ file, line, col, message, severity: "error" });
  }

  warning(file: string, line: number, col: number, message: string): void {
    this.items.push({ file, line, col, message, severity: "warning" });
  }

  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === "error");
  }

  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === "warning");
  }
}

/** `courses/x/module.yaml:3:5  message` — the format editors and terminals make clickable. */
export function formatProblem(problem: Problem, relativeTo = process.cwd()): string {
  const where = `${path.relative(relativeTo, problem.file)}:${problem.line}:${problem.col}`;
  const prefix = problem.severity === "warning" ? "warning: " : "";
  return `${where}  ${prefix}${problem.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

export class ContentError extends Error {
  override name = "ContentError";
  constructor(readonly problems: Problem[]) {
    super(
      `The course content has ${problems.length} problem(s):\n${sortProblems(problems)
        .map((p) => formatProblem(p))
        .join("\n")}`,
    );
  }
}
