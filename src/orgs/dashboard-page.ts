// The cohort dashboard's view model: the learners' table (sorted, filtered, paged), the
// summary, and two charts drawn on the server as SVG with their data as text alternatives;
// and the same table, every page of it, as CSV.
import type { Response } from "express";
import { formatCode } from "../certificates/codes.js";
import type { AppDeps } from "../deps.js";
import type { Translate } from "../i18n/i18n.js";
import { barChartSvg, lineChartSvg } from "../web/svg-charts.js";
import type { CohortAccess } from "./access.js";
import { assertCourseOf } from "./cohort-service.js";
import { toCsv } from "./csv-export.js";
import {
  buildLearnerRows,
  completionsOverTime,
  type DashboardQuery,
  filterAndSort,
  page,
  scoreDistribution,
  summarize,
} from "./dashboard.js";
import { loadCohortData } from "./dashboard-queries.js";

type Deps = Pick<AppDeps, "db" | "clock" | "catalog">;

/** Every member's row, computed from their progress in the cohort's course. */
async function learnerRows(deps: Deps, access: CohortAccess) {
  const course = assertCourseOf(access.cohort, deps);
  return { course, rows: buildLearnerRows(course, await loadCohortData(deps.db, access.cohort.id, course.id)) };
}

export async function dashboardPage(deps: Deps, res: Response, access: CohortAccess, query: DashboardQuery) {
  const { course, rows: all } = await learnerRows(deps, access);
  const now = deps.clock.now();
  const shown = page(filterAndSort(all, query, now), query.page);
  const t = res.locals.t as Translate;
  const dir = res.locals.locale.dir as "ltr" | "rtl";
  const shortDate = new Intl.DateTimeFormat(res.locals.locale.code, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const completions = completionsOverTime(all, now, 8, (d) => shortDate.format(d));
  const scores = scoreDistribution(all);
  const percent = new Intl.NumberFormat(res.locals.locale.code, { style: "percent" });
  return {
    title: access.cohort.name,
    discreetTitle: t("discreet.group"),
    ...access,
    course,
    modules: course.modules.filter((m) => m.status === "published"),
    url: `/orgs/${access.org.slug}/cohorts/${access.cohort.slug}`,
    manage: access.platformAdmin || access.orgRole === "admin",
    query,
    shown,
    summary: summarize(all, now),
    percent: (n: number) => percent.format(n),
    charts: {
      completions: {
        data: completions,
        svg: lineChartSvg({
          id: "chart-completions",
          title: t("orgs.chart.completions"),
          description: t("orgs.chart.completionsDesc"),
          points: completions,
          direction: dir,
        }),
      },
      scores: {
        data: scores,
        svg: barChartSvg({
          id: "chart-scores",
          title: t("orgs.chart.scores"),
          description: t("orgs.chart.scoresDesc"),
          bars: scores,
          direction: dir,
        }),
      },
    },
  };
}

/** The learners' table as the dashboard shows it (same filter and order), all pages, as CSV. */
export async function dashboardCsv(
  deps: Deps,
  t: Translate,
  access: CohortAccess,
  query: DashboardQuery,
): Promise<string> {
  const { course, rows: all } = await learnerRows(deps, access);
  const rows = filterAndSort(all, query, deps.clock.now());
  const modules = course.modules.filter((m) => m.status === "published");
  const header = [
    t("orgs.table.learner"),
    ...modules.flatMap((m) => [m.title, `${m.title} — ${t("orgs.table.bestScore")}`]),
    t("orgs.table.lessons"),
    t("orgs.table.lastActivity"),
    t("orgs.table.certificate"),
  ];
  const body = rows.map((r) => [
    r.name,
    ...r.modules.flatMap((m) => [
      t(`learning.status.${m.status}`),
      m.bestScore === null ? null : Math.round(m.bestScore * 100),
    ]),
    `${r.lessonsDone}/${r.lessonsTotal}`,
    r.lastActivity ? r.lastActivity.toISOString().slice(0, 10) : null,
    r.certificate ? formatCode(r.certificate.code) : null,
  ]);
  return toCsv(header, body);
}
