// An attempt keeps the questions it was started with (a snapshot: order, shuffled options,
// answer key). A learner who switches the course's language mid-attempt sees the same
// attempt in the new language: the snapshot's structure, the text of that language's quiz
// (matched by id) — including short-text answers and matching choices, so whatever they
// type or pick next is graded against what they were shown.
import type { ChoiceOption, Quiz, QuizQuestion } from "../courses/catalog.js";
import type { PlannedQuestion } from "./attempt-plan.js";

export function questionsInLanguage(snapshot: readonly PlannedQuestion[], quiz: Quiz): PlannedQuestion[] {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  return snapshot.map((planned) => {
    const text = byId.get(planned.id);
    return text && text.type === planned.type ? relabel(planned, text) : planned;
  });
}

function relabel(planned: PlannedQuestion, text: QuizQuestion): PlannedQuestion {
  const base = {
    ...planned,
    promptHtml: text.promptHtml,
    explanationHtml: text.explanationHtml,
    feedback: text.feedback,
  } as PlannedQuestion;
  switch (base.type) {
    case "single_choice":
    case "multiple_choice": {
      const options = new Map((text as { options: readonly ChoiceOption[] }).options.map((o) => [o.id, o]));
      return {
        ...base,
        options: base.options.map((o) => {
          const t = options.get(o.id);
          return t ? { ...o, html: t.html, feedbackHtml: t.feedbackHtml } : o;
        }),
      };
    }
    case "short_text":
      return { ...base, accepted: (text as typeof base).accepted };
    case "numeric":
      return { ...base, unit: (text as typeof base).unit };
    case "matching": {
      const t = text as typeof base;
      const pairs = new Map(t.pairs.map((p) => [p.id, p]));
      return {
        ...base,
        pairs: base.pairs.map((p) => {
          const tp = pairs.get(p.id);
          return tp ? { ...p, promptHtml: tp.promptHtml, match: tp.match } : p;
        }),
        choices: t.choices,
      };
    }
    case "ordering": {
      const items = new Map((text as typeof base).items.map((i) => [i.id, i]));
      return { ...base, items: base.items.map((i) => ({ ...i, html: items.get(i.id)?.html ?? i.html })) };
    }
    default:
      return base;
  }
}
