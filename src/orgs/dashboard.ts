// A cohort's dashboard as pure functions of its course and the members' progress: one
// row per learner (modules done / in progress / not started, best quiz scores, last
// activity, certificate), sorting, filtering and paging, a summary, and chart data.

import type { Course } from "../courses/catalog.js";
import { computeProgress, lessonKey, type ModuleStatus, type SubmittedAttempt } from "../learning/progress.js";
import type { Bar } from "../web/svg-charts.js";
import type { CohortData } from "./dashboard-queries.js";

export type LearnerRow = {
  userId: string;
  name: string;
  joinedAt: Date;
  modules: { id: string; status: ModuleStatus; bestScore: number | null }[];
  lessonsDone: number;
  lessonsTotal: number;
  percent: number;
  complete: boolean;
  completedAt: Date | null;
  lastActivity: Date | null;
  certificate: { code: string; issuedAt: Date } | null;
};

const DAY = 86_400_000;

function groupBy<T extends { userId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.userId);
    if (list) list.push(item);
    else groups.set(item.userId, [item]);
  }
  return groups;
}

const latest = (dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

export function buildLearnerRows(course: Course, data: CohortData): LearnerRow[] {
  const lessons = groupBy(data.lessons);
  const attempts = groupBy(data.attempts);
  const exercises = groupBy(data.exercises);
  const certificates = new Map(data.certificates.map((c) => [c.userId, c]));
  const visits = new Map(data.visits.map((v) => [v.userId, v.lastVisitedAt]));
  return data.members.map((member) => {
    const mine = {
      lessons: lessons.get(member.userId) ?? [],
      attempts: attempts.get(member.userId) ?? [],
      exercises: exercises.get(member.userId) ?? [],
    };
    const progress = computeProgress(course, {
      completedLessons: new Set(mine.lessons.map((l) => lessonKey(l.moduleId, l.lessonId))),
      attempts: mine.attempts as SubmittedAttempt[],
      exercisesSaved: new Set(mine.exercises.map((e) => e.moduleId)),
    });
    const activity = latest([
      ...mine.lessons.map((l) => l.completedAt),
      ...mine.attempts.map((a) => a.submittedAt),
      ...mine.exercises.map((e) => e.updatedAt),
      visits.get(member.userId),
    ]);
    const certificate = certificates.get(member.userId);
    return {
      userId: member.userId,
      name: member.name,
      joinedAt: member.joinedAt,
      modules: progress.modules.map((m) => ({ id: m.module.id, status: m.status, bestScore: m.quiz?.best ?? null })),
      lessonsDone: progress.lessonsDone,
      lessonsTotal: progress.lessonsTotal,
      percent: progress.percent,
      complete: progress.complete,
      completedAt: progress.complete ? (certificate?.issuedAt ?? activity) : null,
      lastActivity: activity,
      certificate: certificate ? { code: certificate.code, issuedAt: certificate.issuedAt } : null,
    };
  });
}

export type DashboardQuery = {
  q: string;
  filter: "all" | "complete" | "in-progress" | "not-started" | "inactive";
  sort: "name" | "progress" | "activity";
  dir: "asc" | "desc";
  page: number;
};

export const PAGE_SIZE = 50;

export function filterAndSort(rows: readonly LearnerRow[], query: DashboardQuery, now: Date): LearnerRow[] {
  const needle = query.q.trim().toLocaleLowerCase();
  const weekAgo = now.getTime() - 7 * DAY;
  const kept = rows.filter((r) => {
    if (needle && !r.name.toLocaleLowerCase().includes(needle)) return false;
    switch (query.filter) {
      case "complete":
        return r.complete;
      case "in-progress":
        return !r.complete && r.lessonsDone + r.modules.filter((m) => m.status !== "not-started").length > 0;
      case "not-started":
        return r.modules.every((m) => m.status === "not-started");
      case "inactive":
        return !r.lastActivity || r.lastActivity.getTime() < weekAgo;
      default:
        return true;
    }
  });
  const sign = query.dir === "asc" ? 1 : -1;
  const by: Record<DashboardQuery["sort"], (a: LearnerRow, b: LearnerRow) => number> = {
    name: (a, b) => a.name.localeCompare(b.name),
    progress: (a, b) => a.percent - b.percent || a.name.localeCompare(b.name),
    activity: (a, b) =>
      (a.lastActivity?.getTime() ?? 0) - (b.lastActivity?.getTime() ?? 0) || a.name.localeCompare(b.name),
  };
  return kept.sort((a, b) => sign * by[query.sort](a, b));
}

export function page<T>(
  rows: readonly T[],
  pageNumber: number,
  size = PAGE_SIZE,
): { rows: T[]; page: number; pages: number; total: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, pageNumber), pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages, total: rows.length };
}

export type Summary = { enrolled: number; activeLastWeek: number; completed: number; completionRate: number };

export function summarize(rows: readonly LearnerRow[], now: Date): Summary {
  const weekAgo = now.getTime() - 7 * DAY;
  const completed = rows.filter((r) => r.complete).length;
  return {
    enrolled: rows.length,
    activeLastWeek: rows.filter((r) => r.lastActivity && r.lastActivity.getTime() >= weekAgo).length,
    completed,
    completionRate: rows.length ? completed / rows.length : 0,
  };
}

/** Learners who had completed the course by the end of each of the last `weeks` weeks. */
export function completionsOverTime(
  rows: readonly LearnerRow[],
  now: Date,
  weeks: number,
  label: (end: Date) => string,
): Bar[] {
  const ends = Array.from({ length: weeks }, (_, i) => new Date(now.getTime() - (weeks - 1 - i) * 7 * DAY));
  return ends.map((end) => ({
    label: label(end),
    value: rows.filter((r) => r.completedAt && r.completedAt <= end).length,
  }));
}

/** Learners by their average best quiz score, in tenths (0–9 %, …, 90–100 %). */
export function scoreDistribution(rows: readonly LearnerRow[]): Bar[] {
  const buckets = Array.from({ length: 10 }, (_, i) => ({
    label: `${i * 10}–${i === 9 ? 100 : i * 10 + 9}%`,
    value: 0,
  }));
  for (const row of rows) {
    const scores = row.modules.map((m) => m.bestScore).filter((s): s is number => s !== null);
    if (scores.length === 0) continue;
    const average = scores.reduce((a, b) => a + b, 0) / scores.length;
    buckets[Math.min(9, Math.floor(average * 10))]!.value++;
  }
  return buckets;
}
