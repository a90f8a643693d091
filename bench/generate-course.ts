// Writes a synthetic course of N lessons (realistic lesson length, headings, glossary and
// cross-lesson links, callouts, a quiz per module) for load-time benchmarks.
import fs from "node:fs";
import path from "node:path";

const PARAGRAPH =
  "People who use drugs are more likely to seek help when they are not afraid of arrest. " +
  "Decriminalisation removes criminal penalties for possession for personal use, while supply stays illegal. " +
  "Evaluations stress that outcomes depend on the health and social services offered alongside the legal change. ";

export function generateCourse(root: string, lessons: number, perModule = 50): string {
  const dir = path.join(root, "generated");
  fs.rmSync(dir, { recursive: true, force: true });
  const modules = Math.ceil(lessons / perModule);
  const moduleDirs = Array.from({ length: modules }, (_, m) => `m${String(m + 1).padStart(3, "0")}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "course.yaml"),
    `id: generated\ntitle: Generated course\nsummary: ${lessons} lessons for benchmarks.\nlanguage: en\noutcomes: [Measure.]\norder: any\nglossary: glossary.yaml\nmodules:\n${moduleDirs.map((d) => `  - ${d}`).join("\n")}\n`,
  );
  fs.writeFileSync(
    path.join(dir, "glossary.yaml"),
    "terms:\n  - id: decriminalisation\n    term: Decriminalisation\n    definition: Removing criminal penalties.\n",
  );
  let written = 0;
  moduleDirs.forEach((folder, m) => {
    const count = Math.min(perModule, lessons - written);
    const files = Array.from({ length: count }, (_, i) => `lesson-${i + 1}.md`);
    fs.mkdirSync(path.join(dir, folder));
    fs.writeFileSync(
      path.join(dir, folder, "module.yaml"),
      `id: module-${m + 1}\ntitle: Module ${m + 1}\nsummary: A generated module.\nlessons:\n${files.map((f) => `  - ${f}`).join("\n")}\nquiz: quiz.yaml\n`,
    );
    fs.writeFileSync(path.join(dir, folder, "quiz.yaml"), quiz());
    files.forEach((file, i) => {
      const next = files[i + 1] ?? files[0];
      fs.writeFileSync(path.join(dir, folder, file), lesson(`lesson-${i + 1}`, next!));
    });
    written += count;
  });
  return dir;
}

function lesson(id: string, next: string): string {
  const section = (n: number) =>
    `## Section ${n}\n\n${PARAGRAPH.repeat(3)}\n\n- A point about [decriminalisation](glossary:decriminalisation)\n- See [the next lesson](${next})\n\n${PARAGRAPH.repeat(2)}\n`;
  return `---\nid: ${id}\ntitle: Lesson ${id}\nminutes: 10\nobjectives: [Understand the topic.]\nkey_points: [It depends on services.]\n---\n\n::: host\nWelcome to this lesson.\n:::\n\n${[1, 2, 3, 4].map(section).join("\n")}\n[^1]: A source, 2024.\n`;
}

function quiz(): string {
  return `id: quiz\ntitle: Quiz\nquestions:\n  - id: q1\n    type: single_choice\n    prompt: Which?\n    options:\n      - { id: a, text: A, correct: true, feedback: Right. }\n      - { id: b, text: B, feedback: Wrong. }\n    explanation: Because.\n`;
}
