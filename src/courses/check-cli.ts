// npm run courses:check [-- <dir>]
// Exit 0 with a summary, or 1 with every problem as `file:line:col  message`.
import path from "node:path";
import { loadCatalog } from "./loader/load-catalog.js";
import { formatFirstProblems, MAX_PROBLEMS_SHOWN } from "./problems.js";
import { summarizeCatalog } from "./summary.js";
import { coverageRows, formatCoverage } from "./translations/coverage.js";

const dir = path.resolve(process.argv[2] ?? "courses");
const started = performance.now();
const { catalog, problems } = loadCatalog(dir);
const ms = Math.round(performance.now() - started);

const shown = formatFirstProblems(problems);
for (const line of shown.lines) console.log(line);
if (shown.more > 0)
  console.log(`… and ${shown.more} more (fix these first; the checker lists at most ${MAX_PROBLEMS_SHOWN})`);
const errors = problems.filter((p) => p.severity === "error").length;
const warnings = problems.length - errors;

if (!catalog) {
  console.log(`\n✗ ${errors} error(s), ${warnings} warning(s) in ${path.relative(process.cwd(), dir) || "."}`);
  process.exit(1);
}
if (problems.length > 0) console.log("");
console.log(summarizeCatalog(catalog).join("\n"));
const coverage = formatCoverage(coverageRows(catalog));
if (coverage.length > 0) console.log(["", ...coverage].join("\n"));
console.log(`\n✓ No errors${warnings ? `, ${warnings} warning(s)` : ""} (checked in ${ms} ms)`);
