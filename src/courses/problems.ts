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

/** A mutated file can produce thousands of problems; nobody reads past the first screenfuls. */
export const MAX_PROBLEMS_SHOWN = 100;

/** The first `max` problems formatted, and how many were left out. */
export function formatFirstProblems(
  problems: readonly Problem[],
  { max = MAX_PROBLEMS_SHOWN, relativeTo = process.cwd() } = {},
): { lines: string[]; more: number } {
  // When cut short, errors first: they are what stops the courses from loading.
  const ordered =
    problems.length > max
      ? [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity !== "error")]
      : problems;
  return {
    lines: ordered.slice(0, max).map((p) => formatProblem(p, relativeTo)),
    more: Math.max(0, problems.length - max),
  };
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

export class ContentError extends Error {
  override name = "ContentError";
  constructor(readonly problems: Problem[]) {
    const { lines, more } = formatFirstProblems(sortProblems(problems));
    const rest = more > 0 ? `\n… and ${more} more` : "";
    super(`The course content has ${problems.length} problem(s):\n${lines.join("\n")}${rest}`);
  }
}
