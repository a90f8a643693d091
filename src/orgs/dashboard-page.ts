// The cohort dashboard's view model: the learners' table (sorted, filtered, paged), the
// summary, and two charts drawn on the server as SVG with their data as text alternatives.
import type { Response } from "express";
import type { AppDeps } from "../deps.js";
import { barChartSvg, lineChartSvg } from "../web/svg-charts.js";
import type { CohortAccess } from "./access.js";
import { assertCourseOf } from "./cohort-service.js";
import { loadCohortData } from "./dashboard-queries.js";
import { buildLearnerRows, completionsOverTime, filterAndSort, page, scoreDistribution, summarize, type DashboardQuery } from "./dashboard.js";

export async function dashboardPage(deps: Pick<AppDeps, "db" | "clock" | "catalog">, res: Response, access: CohortAccess, query: DashboardQuery) {
  const course = assertCourseOf(access.cohort, deps);
  const now = deps.clock.now();
  const all = buildLearnerRows(course, await loadCohortData(deps.db, access.cohort.id, course.id));
  const shown = page(filterAndSort(all, query, now), query.page);
  const t = res.locals.t as (key: string, params?: Record<string, string | number>) => string;
  const dir = res.locals.locale.dir as "ltr" | "rtl";
  const shortDate = new Intl.DateTimeFormat(res.locals.locale.code, { day: "numeric", month: "short", timeZone: "UTC" });
  const completions = completionsOverTime(all, now, 8, (d) => shortDate.format(d));
  const scores = scoreDistribution(all);
  const percent = new Intl.NumberFormat(res.locals.locale.code, { style: "percent" });
  return {
    title: access.cohort.name,
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
        svg: lineChartSvg({ id: "chart-completions", title: t("orgs.chart.completions"), description: t("orgs.chart.completionsDesc"), points: completions, direction: dir }),
      },
      scores: {
        data: scores,
        svg: barChartSvg({ id: "chart-scores", title: t("orgs.chart.scores"), description: t("orgs.chart.scoresDesc"), bars: scores, direction: dir }),
      },
    },
  };
}
