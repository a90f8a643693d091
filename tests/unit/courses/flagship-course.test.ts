// The Drug decriminalisation course keeps the shape its issue asks for, so it cannot
// silently regress: seven modules taken in any order, each with a host introduction,
// 3–4 lessons of 600–1,200 words with sources, a quiz of 6–8 questions of at least four
// types with feedback on every option, a reflection exercise and a survey.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Course } from "../../../src/courses/catalog.js";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";

const { catalog, problems } = loadCatalog(path.resolve("courses"));
const course = catalog?.courseById.get("drug-decriminalisation") as Course;

describe("the Drug decriminalisation course", () => {
  it("loads without errors or warnings", () => {
    expect(problems).toEqual([]);
    expect(course).toBeDefined();
  });

  it("has seven published modules that can be taken in any order", () => {
    expect(course.order).toBe("any");
    expect(course.modules.map((m) => m.id)).toEqual([
      "definitions-and-support",
      "existing-models",
      "making-the-case",
      "designing-a-model",
      "thresholds",
      "sanctions-and-intrusiveness",
      "gold-standard",
    ]);
    expect(course.modules.every((m) => m.status === "published")).toBe(true);
  });

  it.each(course.modules.map((m) => [m.id, m] as const))(
    "%s: host introduction, lessons, quiz, exercise, survey",
    (_id, m) => {
      expect(m.introduction?.html).toContain("callout-host");
      expect(m.minutes).toBeGreaterThanOrEqual(60);
      expect(m.minutes).toBeLessThanOrEqual(130);
      expect(m.lessons.length).toBeGreaterThanOrEqual(3);
      expect(m.lessons.length).toBeLessThanOrEqual(4);
      for (const lesson of m.lessons) {
        expect(lesson.words, lesson.id).toBeGreaterThanOrEqual(600);
        expect(lesson.words, lesson.id).toBeLessThanOrEqual(1200);
        expect(
          lesson.toc.map((h) => h.text),
          lesson.id,
        ).toContain("Sources and further reading");
        expect(lesson.objectives.length, lesson.id).toBeGreaterThan(0);
      }
      const quiz = m.quiz!;
      expect(quiz.questions.length).toBeGreaterThanOrEqual(6);
      expect(quiz.questions.length).toBeLessThanOrEqual(8);
      expect(new Set(quiz.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(4);
      for (const q of quiz.questions) {
        expect(q.explanationHtml, q.id).not.toBe("");
        if (q.type === "single_choice" || q.type === "multiple_choice") {
          for (const option of q.options) expect(option.feedbackHtml, `${q.id}/${option.id}`).toBeTruthy();
        } else {
          expect(q.feedback.correctHtml, q.id).toBeTruthy();
          expect(q.feedback.incorrectHtml, q.id).toBeTruthy();
        }
      }
      expect(m.exercise?.words).toBeGreaterThan(50);
      expect(m.survey?.questions.length).toBeGreaterThanOrEqual(3);
    },
  );

  it("links lessons to a glossary of the key terms", () => {
    const ids = course.glossary.map((t) => t.id);
    for (const term of [
      "decriminalisation",
      "depenalisation",
      "legal-regulation",
      "de-facto",
      "de-jure",
      "threshold",
      "administrative-sanction",
      "dissuasion-commission",
      "harm-reduction",
      "social-supply",
      "net-widening",
    ]) {
      expect(ids).toContain(term);
    }
    const linked = new Set(
      course.modules.flatMap((m) =>
        m.lessons.flatMap((l) => [...l.html.matchAll(/glossary#([a-z0-9-]+)/g)].map((x) => x[1])),
      ),
    );
    expect(linked.size).toBeGreaterThanOrEqual(15);
  });

  it("offers a printable resource and an end-of-course survey", () => {
    expect(course.resources.some((r) => r.kind === "page")).toBe(true);
    expect(course.survey?.questions.length).toBeGreaterThanOrEqual(5);
  });

  it("uses people-first language", () => {
    const text = course.modules
      .flatMap((m) => [m.introduction?.html ?? "", ...m.lessons.map((l) => l.html), m.exercise?.html ?? ""])
      .join(" ");
    // Allowed only inside quotations of others' words would still be caught; the course never uses them.
    for (const word of [/\baddicts?\b/i, /\bjunkies?\b/i, /\bdrug abusers?\b/i, /\bdrug abuse\b/i]) {
      expect(text).not.toMatch(word);
    }
  });
});
