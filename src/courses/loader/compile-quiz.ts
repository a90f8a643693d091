// Validates a quiz beyond its schema (correct answers, unique ids, draw size) and renders
// its markdown. The result keeps the answer key: views must never print it before grading.
import type { ChoiceOption, Quiz, QuizQuestion } from "../catalog.js";
import type { ProblemList } from "../problems.js";
import type { Question, QuizYaml } from "../schemas.js";
import { nodePosition } from "../yaml-source.js";
import { checkUniqueIds } from "./check-ids.js";
import type { DocRenderer } from "./doc-renderer.js";
import type { ParsedYaml } from "./parsed.js";

export function compileQuiz(
  parsed: ParsedYaml<QuizYaml>,
  url: string,
  renderer: DocRenderer,
  problems: ProblemList,
): Quiz {
  const { value: quiz, source, file } = parsed;
  const pos = (...p: (string | number)[]) => nodePosition(source, p);
  const site = (id: string, ...p: (string | number)[]) => ({ id, file, ...pos(...p) });

  checkUniqueIds(
    quiz.questions.map((q, i) => site(q.id, "questions", i, "id")),
    "question",
    problems,
  );
  quiz.questions.forEach((q, i) => {
    checkQuestion(q, (...p) => site("", "questions", i, ...p), problems);
  });
  const draw = quiz.settings.draw;
  if (draw !== undefined && draw > quiz.questions.length) {
    const at = pos("settings", "draw");
    problems.error(file, at.line, at.col, `draw is ${draw} but the quiz has only ${quiz.questions.length} questions`);
  }

  const questions = quiz.questions.map((q, i) =>
    compileQuestion(q, (text, ...p) =>
      renderer.snippet(file, text, pos("questions", i, ...p).line, {
        block: p[0] === "prompt" || p[0] === "explanation",
      }),
    ),
  );
  return {
    id: quiz.id,
    url,
    title: quiz.title,
    minutes: quiz.minutes ?? quiz.settings.draw ?? quiz.questions.length,
    settings: {
      passMark: quiz.settings.pass_mark,
      maxAttempts: quiz.settings.max_attempts,
      shuffleQuestions: quiz.settings.shuffle_questions,
      shuffleOptions: quiz.settings.shuffle_options,
      draw: quiz.settings.draw,
      reveal: quiz.settings.reveal,
    },
    questions,
  };
}

type SiteAt = (...path: (string | number)[]) => { id: string; file: string; line: number; col: number };

function checkQuestion(q: Question, at: SiteAt, problems: ProblemList): void {
  const fail = (message: string, ...p: (string | number)[]) => {
    const s = at(...p);
    problems.error(s.file, s.line, s.col, `question "${q.id}": ${message}`);
  };
  if (q.type === "single_choice" || q.type === "multiple_choice") {
    checkUniqueIds(
      q.options.map((o, j) => ({ ...at("options", j, "id"), id: o.id })),
      "option",
      problems,
    );
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) fail("no option is marked correct: add `correct: true` to the right answer", "options");
    if (q.type === "single_choice" && correct > 1)
      fail(
        `${correct} options are marked correct; a single_choice question has exactly one (use multiple_choice)`,
        "options",
      );
  }
  if (q.type === "matching")
    checkUniqueIds(
      q.pairs.map((p, j) => ({ ...at("pairs", j, "id"), id: p.id })),
      "pair",
      problems,
    );
  if (q.type === "ordering")
    checkUniqueIds(
      q.items.map((p, j) => ({ ...at("items", j, "id"), id: p.id })),
      "item",
      problems,
    );
}

type Render = (text: string, ...path: (string | number)[]) => string;

function compileQuestion(q: Question, render: Render): QuizQuestion {
  const base = {
    id: q.id,
    points: q.points,
    promptHtml: render(q.prompt, "prompt"),
    explanationHtml: render(q.explanation, "explanation"),
    feedback: {
      correctHtml:
        "feedback" in q && q.feedback?.correct ? render(q.feedback.correct, "feedback", "correct") : undefined,
      incorrectHtml:
        "feedback" in q && q.feedback?.incorrect ? render(q.feedback.incorrect, "feedback", "incorrect") : undefined,
    },
  };
  switch (q.type) {
    case "single_choice":
    case "multiple_choice": {
      const options: ChoiceOption[] = q.options.map((o, j) => ({
        id: o.id,
        html: render(o.text, "options", j, "text"),
        correct: o.correct,
        feedbackHtml: o.feedback ? render(o.feedback, "options", j, "feedback") : undefined,
      }));
      return q.type === "single_choice"
        ? { ...base, type: q.type, options }
        : { ...base, type: q.type, scoring: q.scoring, options };
    }
    case "true_false":
      return { ...base, type: q.type, answer: q.answer };
    case "short_text":
      return { ...base, type: q.type, accepted: q.accepted };
    case "numeric":
      return { ...base, type: q.type, answer: q.answer, tolerance: q.tolerance, unit: q.unit };
    case "matching": {
      const choices = [...new Set([...q.pairs.map((p) => p.match), ...q.distractors])].sort((a, b) =>
        a.localeCompare(b),
      );
      const pairs = q.pairs.map((p, j) => ({
        id: p.id,
        promptHtml: render(p.prompt, "pairs", j, "prompt"),
        match: p.match,
      }));
      return { ...base, type: q.type, scoring: q.scoring, pairs, choices };
    }
    case "ordering":
      return {
        ...base,
        type: q.type,
        scoring: q.scoring,
        items: q.items.map((it, j) => ({ id: it.id, html: render(it.text, "items", j, "text") })),
      };
  }
}
