// The cohort dashboard of 2,000 learners × 7 modules, its CSV export and trainer insight:
// time from request to full response, measured sequentially against the real app in its
// own process (localhost, so the figure is server time plus well under a millisecond).
import path from "node:path";
import { loadCatalog } from "../src/courses/loader/load-catalog.js";
import { openDb } from "../src/db/client.js";
import { startChild } from "./processes.js";
import { seedCohort } from "./seed-cohort.js";
import { type Figure, median } from "./stats.js";

const LEARNERS = 2000;
const COURSE = "drug-decriminalisation";
const TARGET_MS = 300;
const RUNS = 15;

async function timeGet(url: string, cookie: string): Promise<{ median: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if (i >= 2) times.push(performance.now() - started); // two warm-up runs
    bytes = body.byteLength;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p95: sorted[Math.ceil(sorted.length * 0.95) - 1]!, bytes };
}

export async function benchDashboard(): Promise<Figure[]> {
  const course = loadCatalog(path.resolve("courses")).catalog!.courseById.get(COURSE)!;
  const app = await startChild("bench/app-child.ts");
  try {
    const db = await openDb(String(app.data.databaseUrl));
    const seededAt = performance.now();
    const cohort = await seedCohort(db, course, LEARNERS);
    const seedMs = performance.now() - seededAt;
    await db.$disconnect();
    const base = `http://127.0.0.1:${app.port}${cohort.url}`;
    const dashboard = await timeGet(base, cohort.trainerCookie);
    const sorted = await timeGet(`${base}?sort=progress&dir=desc&filter=in-progress&page=3`, cohort.trainerCookie);
    const csv = await timeGet(`${base}/export.csv`, cohort.trainerCookie);
    const insight = await timeGet(`${base}/insight`, cohort.trainerCookie);
    const modules = course.modules.filter((m) => m.status === "published").length;
    const target = `≤ ${TARGET_MS} ms`;
    return [
      {
        name: `seeded cohort: ${LEARNERS} learners × ${modules} modules, ${cohort.attempts} quiz attempts, ${cohort.answers} answers (seeding, not a target)`,
        value: seedMs,
        unit: "ms",
      },
      {
        name: "dashboard, first page (median)",
        value: dashboard.median,
        unit: "ms",
        target,
        ok: dashboard.median <= TARGET_MS,
      },
      { name: "dashboard, first page (p95)", value: dashboard.p95, unit: "ms", target, ok: dashboard.p95 <= TARGET_MS },
      {
        name: "dashboard, filtered + sorted, page 3 (median)",
        value: sorted.median,
        unit: "ms",
        target,
        ok: sorted.median <= TARGET_MS,
      },
      { name: "dashboard page size (uncompressed)", value: dashboard.bytes / 1024, unit: "KB" },
      { name: `CSV export of all ${LEARNERS} learners (median)`, value: csv.median, unit: "ms" },
      { name: `trainer insight: item statistics of every quiz + surveys (median)`, value: insight.median, unit: "ms" },
    ];
  } finally {
    app.stop();
  }
}
