import { describe, expect, it } from "vitest";
import type { Survey } from "../../../src/courses/catalog.js";
import { aggregate } from "../../../src/surveys/service.js";

const survey: Survey = {
  id: "s",
  url: "/s",
  title: "S",
  introHtml: undefined,
  questions: [
    { id: "q", type: "likert", prompt: "Useful?", scale: "agreement", required: false },
    { id: "t", type: "text", prompt: "Comments?", required: false },
  ],
};

describe("survey aggregates", () => {
  it("hide everything below the minimum number of responses", () => {
    expect(aggregate(survey, [{ q: 5 }, { q: 4 }, { q: 3 }, { q: 2 }])).toEqual({
      responses: 4,
      hidden: true,
      likert: [],
      text: [],
    });
  });

  it("count each point of the scale, average the answers, and sort written answers", () => {
    const result = aggregate(survey, [{ q: 5, t: "b" }, { q: 4 }, { q: 5, t: "a" }, { t: "c" }, { q: 1 }]);
    expect(result.hidden).toBe(false);
    expect(result.likert[0]).toMatchObject({ counts: [1, 0, 0, 1, 2], answered: 4, mean: 3.75 });
    expect(result.text[0]!.answers).toEqual(["a", "b", "c"]);
  });
});
