import { describe, expect, it } from "vitest";
import {
  completionsOverTime,
  type DashboardQuery,
  filterAndSort,
  type LearnerRow,
  page,
  scoreDistribution,
  summarize,
} from "../../../src/orgs/dashboard.js";

const NOW = new Date("2026-11-21T12:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

function row(name: string, over: Partial<LearnerRow> = {}): LearnerRow {
  return {
    userId: name,
    name,
    joinedAt: ago(30),
    modules: [
      { id: "m1", status: "not-started", bestScore: null },
      { id: "m2", status: "not-started", bestScore: null },
    ],
    lessonsDone: 0,
    lessonsTotal: 4,
    percent: 0,
    complete: false,
    completedAt: null,
    lastActivity: null,
    certificate: null,
    ...over,
  };
}

const query = (over: Partial<DashboardQuery> = {}): DashboardQuery => ({
  q: "",
  filter: "all",
  sort: "name",
  dir: "asc",
  page: 1,
  ...over,
});

const rows = [
  row("Zoë", {
    complete: true,
    percent: 100,
    lessonsDone: 4,
    completedAt: ago(10),
    lastActivity: ago(10),
    modules: [
      { id: "m1", status: "complete", bestScore: 0.95 },
      { id: "m2", status: "complete", bestScore: 1 },
    ],
  }),
  row("amir", {
    percent: 50,
    lessonsDone: 2,
    lastActivity: ago(2),
    modules: [
      { id: "m1", status: "complete", bestScore: 0.55 },
      { id: "m2", status: "not-started", bestScore: null },
    ],
  }),
  row("Béatrice", {
    percent: 25,
    lessonsDone: 1,
    lastActivity: ago(1),
    modules: [
      { id: "m1", status: "in-progress", bestScore: null },
      { id: "m2", status: "not-started", bestScore: null },
    ],
  }),
  row("Chen"),
];

describe("cohort dashboard rows", () => {
  it("sorts by name with the locale's collation, and by progress or activity with names breaking ties", () => {
    expect(filterAndSort(rows, query(), NOW).map((r) => r.name)).toEqual(["amir", "Béatrice", "Chen", "Zoë"]);
    expect(filterAndSort(rows, query({ sort: "progress", dir: "desc" }), NOW).map((r) => r.name)).toEqual([
      "Zoë",
      "amir",
      "Béatrice",
      "Chen",
    ]);
    expect(filterAndSort(rows, query({ sort: "activity", dir: "desc" }), NOW).map((r) => r.name)).toEqual([
      "Béatrice",
      "amir",
      "Zoë",
      "Chen",
    ]);
  });

  it("filters by state and searches names without regard to case", () => {
    const names = (over: Partial<DashboardQuery>) => filterAndSort(rows, query(over), NOW).map((r) => r.name);
    expect(names({ filter: "complete" })).toEqual(["Zoë"]);
    expect(names({ filter: "in-progress" })).toEqual(["amir", "Béatrice"]);
    expect(names({ filter: "not-started" })).toEqual(["Chen"]);
    expect(names({ filter: "inactive" })).toEqual(["Chen", "Zoë"]);
    expect(names({ q: "  AMI " })).toEqual(["amir"]);
  });

  it("pages 50 at a time, clamping pages out of range", () => {
    const many = Array.from({ length: 120 }, (_, i) => i);
    expect(page(many, 1)).toMatchObject({ page: 1, pages: 3, total: 120 });
    expect(page(many, 3).rows).toEqual(many.slice(100));
    expect(page(many, 99).page).toBe(3);
    expect(page([], 5)).toEqual({ rows: [], page: 1, pages: 1, total: 0 });
  });

  it("summarises enrolment, activity in the last 7 days and the completion rate", () => {
    expect(summarize(rows, NOW)).toEqual({ enrolled: 4, activeLastWeek: 2, completed: 1, completionRate: 0.25 });
    expect(summarize([], NOW)).toEqual({ enrolled: 0, activeLastWeek: 0, completed: 0, completionRate: 0 });
  });

  it("counts completions at the end of each week, cumulatively", () => {
    const bars = completionsOverTime(rows, NOW, 3, (d) => d.toISOString().slice(0, 10));
    expect(bars).toEqual([
      { label: "2026-11-07", value: 0 },
      { label: "2026-11-14", value: 1 },
      { label: "2026-11-21", value: 1 },
    ]);
  });

  it("places learners in bands of their average best score, leaving out those with none", () => {
    const bands = scoreDistribution(rows);
    expect(bands).toHaveLength(10);
    expect(bands[9]).toEqual({ label: "90–100%", value: 1 }); // Zoë: (0.95 + 1) / 2
    expect(bands[5]).toEqual({ label: "50–59%", value: 1 }); // amir: 0.55
    expect(bands.reduce((sum, b) => sum + b.value, 0)).toBe(2);
  });
});
