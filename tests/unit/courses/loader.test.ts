import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../src/courses/loader/load-catalog.js";

const dir = path.resolve("tests/fixtures/courses/valid");

function load() {
  const { catalog, problems } = loadCatalog(dir);
  if (!catalog) throw new Error(problems.map((p) => p.message).join("\n"));
  return { catalog, problems };
}

describe("loading a valid course", () => {
  it("builds modules and lessons in the order the YAML lists them, keyed by their ids", () => {
    const { catalog, problems } = load();
    expect(problems).toEqual([]);
    const course = catalog.courseById.get("fixture-course")!;
    expect(course.modules.map((m) => m.id)).toEqual(["basics", "advanced", "drafty"]);
    expect(course.moduleById.get("basics")!.lessons.map((l) => l.id)).toEqual(["first-lesson", "second-lesson"]);
    expect(course.moduleById.get("drafty")!.status).toBe("draft");
    expect(course.stats).toEqual({ lessons: 4, questions: 7, words: expect.any(Number) });
  });

  it("adds up time estimates: lessons, the quiz (one minute per question by default) and the exercise", () => {
    const basics = load().catalog.courseById.get("fixture-course")!.moduleById.get("basics")!;
    expect(basics.minutes).toBe(5 + 7 + 7 + 10);
  });

  it("links lessons to their neighbours, back to the module and on to the quiz", () => {
    const [first, second] = load().catalog.courseById.get("fixture-course")!.moduleById.get("basics")!.lessons;
    expect(first!.prev).toEqual({ url: "/courses/fixture-course/basics", title: "The basics" });
    expect(first!.next?.url).toBe("/courses/fixture-course/basics/second-lesson");
    expect(second!.next).toEqual({ url: "/courses/fixture-course/basics/quiz", title: "Basics quiz" });
  });

  it("renders markdown with heading ids, a table of contents, figures, callouts, footnotes and resolved links", () => {
    const lesson = load()
      .catalog.courseById.get("fixture-course")!
      .moduleById.get("basics")!
      .lessonById.get("first-lesson")!;
    expect(lesson.toc.map((h) => h.id)).toEqual(["one", "two", "three"]);
    expect(lesson.html).toContain('<h2 id="one">One</h2>');
    expect(lesson.html).toMatch(
      /<a href="\/courses\/fixture-course\/glossary#fixture" class="term" title="Something fixed in place, used by tests\.">fixture<\/a>/,
    );
    expect(lesson.html).toContain('href="/courses/fixture-course/basics/second-lesson#two-a"');
    expect(lesson.html).toContain('href="/courses/fixture-course/resources/handout"');
    expect(lesson.html).toMatch(
      /href="\/courses\/fixture-course\/assets\/resources\/slides\.pdf\?v=[0-9a-f]{10}" download/,
    );
    expect(lesson.html).toMatch(
      /<figure><img src="\/courses\/fixture-course\/assets\/basics\/media\/dot\.png\?v=[0-9a-f]{10}" alt="A single dot"[^>]*><figcaption>A caption for the dot<\/figcaption><\/figure>/,
    );
    expect(lesson.html).toContain('<aside class="callout callout-warning"><p class="callout-label">Be careful</p>');
    expect(lesson.html).toContain('class="footnote-ref"');
    expect(lesson.html).toContain('href="https://example.org/" rel="noopener noreferrer"');
    expect(lesson.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("names the course host in host callouts", () => {
    const basics = load().catalog.courseById.get("fixture-course")!.moduleById.get("basics")!;
    expect(basics.introduction!.html).toContain('<p class="callout-label">Tess, your course host</p>');
  });

  it("registers only the files content refers to as servable assets", () => {
    const { catalog } = load();
    expect([...catalog.assets.keys()].sort()).toEqual([
      "/courses/fixture-course/assets/advanced/media/clip.mp4",
      "/courses/fixture-course/assets/advanced/media/clip.vtt",
      "/courses/fixture-course/assets/basics/media/dot.png",
      "/courses/fixture-course/assets/resources/slides.pdf",
    ]);
  });

  it("renders a video as a local player with captions and its transcript", () => {
    const deep = load().catalog.courseById.get("fixture-course")!.moduleById.get("advanced")!.lessonById.get("deep")!;
    expect(deep.html).toMatch(
      /<video controls="" preload="none" aria-label="A short clip"><source src="\/courses\/fixture-course\/assets\/advanced\/media\/clip\.mp4\?v=[0-9a-f]+" type="video\/mp4" \/><track kind="captions" src="[^"]+clip\.vtt\?v=[0-9a-f]+" srclang="en" label="English" default="" \/><\/video>/,
    );
    expect(deep.html).toContain('<details class="transcript"><summary>Transcript</summary><p>Nadia: Hello.</p>');
  });

  it("compiles every question type and offers matching choices without revealing pairs", () => {
    const quiz = load().catalog.courseById.get("fixture-course")!.moduleById.get("basics")!.quiz!;
    expect(quiz.questions.map((q) => q.type)).toEqual([
      "single_choice",
      "multiple_choice",
      "true_false",
      "short_text",
      "numeric",
      "matching",
      "ordering",
    ]);
    expect(quiz.settings).toMatchObject({ passMark: 60, maxAttempts: 3, shuffleOptions: true, reveal: "answers" });
    const matching = quiz.questions.find((q) => q.type === "matching")!;
    expect(matching.type === "matching" && matching.choices).toEqual(["Lisbon", "Madrid", "Paris"]);
  });

  it("gives the same content version for the same files, and a new one when a file changes", () => {
    expect(load().catalog.courses[0]!.version).toMatch(/^[0-9a-f]{12}$/);
    expect(load().catalog.courses[0]!.version).toBe(load().catalog.courses[0]!.version);
  });
});
