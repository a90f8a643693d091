// npm run bench [-- loading|lesson|quiz|items|dashboard|csv]  — speed and size figures (not tests).
import { benchCsvImport } from "./csv-import.js";
import { benchDashboard } from "./dashboard.js";
import { benchItemStats } from "./item-stats.js";
import { benchLessonPage } from "./lesson-page.js";
import { benchLoading } from "./loading.js";
import { benchQuizAnswers } from "./quiz-answers.js";
import { printFigures } from "./stats.js";

const only = process.argv[2];
const duration = Number(process.env.BENCH_SECONDS ?? 10);
console.log(`# Sendero benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
if (!only || only === "loading") printFigures("Loading courses", benchLoading());
if (!only || only === "lesson") printFigures("Lesson page", await benchLessonPage(duration));
if (!only || only === "quiz") printFigures("Quiz answers", await benchQuizAnswers(duration));
if (!only || only === "items") printFigures("Item statistics", await benchItemStats());
if (!only || only === "dashboard") printFigures("Cohort dashboard", await benchDashboard());
if (!only || only === "csv") printFigures("Enrolment CSV", benchCsvImport());
