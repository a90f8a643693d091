import { describe, expect, it } from "vitest";
import { pearson } from "../../../src/orgs/correlation.js";
import { hintFor, itemStatistics, MIN_LEARNERS, type ScoredAttempt } from "../../../src/orgs/item-stats.js";

/** One attempt; each answer is a score, or [score, chosen, points?]. `total` is the unweighted mean unless given. */
function attempt(
  learnerId: string,
  answers: Record<string, number | [number, string[], number?]>,
  total?: number,
): ScoredAttempt {
  const entries = Object.entries(answers).map(([id, a]) => {
    const [score, chosen, points] = typeof a === "number" ? [a, [a === 1 ? "right" : "wrong"]] : a;
    return [id, points === undefined ? { score, chosen } : { score, chosen, points }] as const;
  });
  const mean = entries.reduce((s, [, a]) => s + a.score, 0) / Math.max(1, entries.length);
  return { learnerId, total: total ?? mean, answers: Object.fromEntries(entries) };
}

/** One attempt per row of a learner × question score matrix. */
function matrix(rows: number[][]): ScoredAttempt[] {
  return rows.map((scores, i) => attempt(`L${i + 1}`, Object.fromEntries(scores.map((s, q) => [`q${q + 1}`, s]))));
}

function visible(result: ReturnType<typeof itemStatistics>) {
  if (result.hidden) throw new Error("expected visible statistics");
  return result;
}

const byId = (result: ReturnType<typeof itemStatistics>, id: string) => {
  const question = visible(result).questions.find((q) => q.questionId === id);
  if (!question) throw new Error(`no statistics for ${id}`);
  return question;
};

describe("item statistics: a hand-computed cohort of five", () => {
  //        q1 q2 q3 q4
  //   L1:   1  1  1  0
  //   L2:   1  1  0  0
  //   L3:   1  0  1  1
  //   L4:   0  1  0  1
  //   L5:   0  0  0  1
  const cohort = matrix([
    [1, 1, 1, 0],
    [1, 1, 0, 0],
    [1, 0, 1, 1],
    [0, 1, 0, 1],
    [0, 0, 0, 1],
  ]);
  const result = itemStatistics(cohort);

  it("computes the facility index as the mean score", () => {
    // q1: (1+1+1+0+0)/5 = 0.6;  q3: (1+0+1+0+0)/5 = 0.4
    expect(byId(result, "q1").facility).toBeCloseTo(0.6, 12);
    expect(byId(result, "q3").facility).toBeCloseTo(0.4, 12);
  });

  it("correlates each question with the rest of the attempt (weak item)", () => {
    // q1: x = 1,1,1,0,0 (x̄ 0.6); rest = mean of q2..q4 = 2/3,1/3,2/3,2/3,1/3 (ȳ 8/15)
    //   dx = .4,.4,.4,−.6,−.6      dy = 2,−3,2,2,−3 (/15)
    //   Σdxdy = (.8 − 1.2 + .8 − 1.2 + 1.8)/15 = 1/15
    //   Σdx² = 3(.16) + 2(.36) = 1.2     Σdy² = (4+9+4+4+9)/225 = 2/15
    //   r = (1/15) / √(1.2 · 2/15) = (1/15) / 0.4 = 1/6
    const q1 = byId(result, "q1");
    expect(q1.discrimination).toBeCloseTo(1 / 6, 12);
    expect(q1.hint).toBe("weak");
  });

  it("flags a question that strong learners miss as ambiguous", () => {
    // q4: x = 0,0,1,1,1 (x̄ 0.6); rest = 1, 2/3, 2/3, 1/3, 0 (ȳ 8/15)
    //   dx = −.6,−.6,.4,.4,.4      dy = 7,2,2,−3,−8 (/15)
    //   Σdxdy = (−4.2 − 1.2 + .8 − 1.2 − 3.2)/15 = −9/15 = −0.6
    //   Σdx² = 1.2     Σdy² = (49+4+4+9+64)/225 = 26/45
    //   r = −0.6 / √(1.2 · 26/45) = −0.6 / 0.83267 = −0.72058
    const q4 = byId(result, "q4");
    expect(q4.discrimination).toBeCloseTo(-0.72058, 4);
    expect(q4.hint).toBe("ambiguous");
  });

  it("gives no hint to a question of medium difficulty that discriminates", () => {
    // q3: x = 1,0,1,0,0 (x̄ 0.4); rest = 2/3,2/3,2/3,2/3,1/3 (ȳ 3/5)
    //   dx = .6,−.4,.6,−.4,−.4     dy = 1,1,1,1,−4 (/15)
    //   Σdxdy = (.6 − .4 + .6 − .4 + 1.6)/15 = 2/15
    //   Σdx² = 1.2     Σdy² = 20/225 = 4/45
    //   r = (2/15) / √(1.2 · 4/45) = 0.13333 / 0.32660 = 0.40825
    const q3 = byId(result, "q3");
    expect(q3.discrimination).toBeCloseTo(0.40825, 4);
    expect(q3.hint).toBeNull();
  });

  it("counts responses, learners and chosen answers", () => {
    const q1 = byId(result, "q1");
    expect(q1).toMatchObject({ responses: 5, learners: 5, blank: 0 });
    // three chose "right", two "wrong": most frequent first, shares of the 5 responses
    expect(q1.options).toEqual([
      { id: "right", count: 3, share: 0.6 },
      { id: "wrong", count: 2, share: 0.4 },
    ]);
  });

  it("lists questions in id order, numbers compared as numbers", () => {
    expect(visible(result).questions.map((q) => q.questionId)).toEqual(["q1", "q2", "q3", "q4"]);
    const many = itemStatistics(matrix(Array.from({ length: 5 }, () => Array.from({ length: 10 }, () => 1))));
    expect(
      visible(many)
        .questions.map((q) => q.questionId)
        .slice(0, 3),
    ).toEqual(["q1", "q2", "q3"]);
    expect(visible(many).questions.at(-1)?.questionId).toBe("q10");
  });

  it("follows the quiz order when given, unknown questions last", () => {
    const ordered = itemStatistics(cohort, { questionOrder: ["q3", "q1"] });
    expect(visible(ordered).questions.map((q) => q.questionId)).toEqual(["q3", "q1", "q2", "q4"]);
  });
});

describe("item statistics: edge cases", () => {
  it("cannot compute discrimination when everyone scored the same on the question", () => {
    // q1 is 1 for all five: Σdx² = 0, so r is undefined → null; facility 1 > 0.9 → too-easy
    const result = itemStatistics(
      matrix([
        [1, 1],
        [1, 0],
        [1, 1],
        [1, 0],
        [1, 1],
      ]),
    );
    expect(byId(result, "q1")).toMatchObject({ facility: 1, discrimination: null, hint: "too-easy" });
  });

  it("cannot compute discrimination when the rest of the attempt is the same for everyone", () => {
    // q2 is constant at 0.5, so q1's rest score is constant: Σdy² = 0 → null; facility 0 → too-hard
    const result = itemStatistics(
      matrix([
        [0, 0.5],
        [0, 0.5],
        [0, 0.5],
        [0, 0.5],
        [0, 0.5],
      ]),
    );
    expect(byId(result, "q1")).toMatchObject({ facility: 0, discrimination: null, hint: "too-hard" });
  });

  it("leaves out of the correlation an attempt that holds only this question", () => {
    const attempts = [
      ...matrix([
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
      attempt("L5", { q1: 1 }),
    ];
    const q1 = byId(itemStatistics(attempts), "q1");
    // facility counts all five: 3/5; r uses only L1..L4 (x = 1,1,0,0; rest = 1,0,1,0) → r = 0
    expect(q1.facility).toBeCloseTo(0.6, 12);
    expect(q1.discrimination).toBe(0);
    expect(q1.hint).toBe("weak");
  });

  it("hides everything from four learners and shows it from five", () => {
    const rows = [
      [1, 0],
      [0, 1],
      [1, 1],
      [0, 0],
      [1, 0],
    ];
    expect(itemStatistics(matrix(rows.slice(0, 4)))).toEqual({ hidden: true, learners: 4 });
    expect(itemStatistics(matrix(rows))).toMatchObject({ hidden: false, learners: 5 });
    expect(MIN_LEARNERS).toBe(5);
  });

  it("counts learners, not attempts, towards the threshold", () => {
    const four = matrix([[1], [0], [1], [0]]);
    const retries = [...four, attempt("L1", { q1: 0 }), attempt("L2", { q1: 1 })];
    expect(itemStatistics(retries, { useAttempts: "all" })).toEqual({ hidden: true, learners: 4 });
  });

  it("withholds a question seen by fewer learners than the threshold (random draws)", () => {
    // q3 is drawn only for L1..L3: showing its answers could point at one person
    const attempts = matrix([
      [1, 0],
      [0, 1],
      [1, 1],
      [0, 0],
      [1, 0],
    ]).map((a, i) => (i < 3 ? { ...a, answers: { ...a.answers, q3: { score: 1, chosen: ["x"] } } } : a));
    const result = visible(itemStatistics(attempts));
    expect(result.questions.map((q) => q.questionId)).toEqual(["q1", "q2"]);
    expect(result.withheld).toEqual([{ questionId: "q3", learners: 3 }]);
    // with a threshold of 3 it is shown, from the three attempts that contained it
    const lower = itemStatistics(attempts, { minLearners: 3 });
    expect(byId(lower, "q3")).toMatchObject({ responses: 3, learners: 3, facility: 1 });
  });

  it("uses each learner's best attempt by default, and every attempt on request", () => {
    const base = matrix([
      [1, 1],
      [0, 1],
      [1, 0],
      [0, 0],
      [1, 1],
    ]);
    const retry = attempt("L4", { q1: 1, q2: 1 }); // L4 improves from 0 to 1
    const best = byId(itemStatistics([...base, retry]), "q1");
    expect(best).toMatchObject({ responses: 5, learners: 5 });
    expect(best.facility).toBeCloseTo(4 / 5, 12); // L1, L3, L4 (retry), L5
    const all = byId(itemStatistics([...base, retry], { useAttempts: "all" }), "q1");
    expect(all).toMatchObject({ responses: 6, learners: 5 });
    expect(all.facility).toBeCloseTo(4 / 6, 12);
  });

  it("keeps the earlier of two equally good attempts", () => {
    const base = matrix([[1], [0], [1], [0]]);
    const first = attempt("L5", { q1: [1, ["a"]] }, 1);
    const second = attempt("L5", { q1: [1, ["b"]] }, 1);
    const q1 = byId(itemStatistics([...base, first, second]), "q1");
    expect(q1.options.map((o) => o.id)).toContain("a");
    expect(q1.options.map((o) => o.id)).not.toContain("b");
  });

  it("weights the rest score by each question's points", () => {
    // q3 is worth 3 points, q2 1 point. For q1, rest = (1·q2 + 3·q3) / 4.
    const rows: [number, number, number][] = [
      [1, 0, 1],
      [1, 1, 1],
      [0, 1, 0],
      [0, 0, 0],
      [1, 1, 0],
    ];
    const attempts = rows.map(([a, b, c], i) =>
      attempt(`L${i + 1}`, { q1: [a, [], 1], q2: [b, [], 1], q3: [c, [], 3] }),
    );
    // rests: (0+3)/4 = .75, (1+3)/4 = 1, (1+0)/4 = .25, 0, (1+0)/4 = .25
    const expected = pearson([1, 1, 0, 0, 1], [0.75, 1, 0.25, 0, 0.25]);
    expect(byId(itemStatistics(attempts), "q1").discrimination).toBeCloseTo(expected!, 12);
    // unweighted it would differ: rests .5, 1, .5, 0, .5
    expect(expected).not.toBeCloseTo(pearson([1, 1, 0, 0, 1], [0.5, 1, 0.5, 0, 0.5])!, 3);
  });

  it("counts each chosen option once per response, and blank responses apart", () => {
    const answers: [number, string[]][] = [
      [1, ["a", "c"]],
      [0.5, ["a"]],
      [0, ["b", "b"]],
      [0, []],
      [1, ["a", "c"]],
    ];
    const attempts = answers.map((a, i) => attempt(`L${i + 1}`, { q1: a, q2: i % 2 }));
    const q1 = byId(itemStatistics(attempts), "q1");
    // a: 3 of 5 responses, c: 2, b: 1 (chosen twice in one response), one blank
    expect(q1.options).toEqual([
      { id: "a", count: 3, share: 0.6 },
      { id: "c", count: 2, share: 0.4 },
      { id: "b", count: 1, share: 0.2 },
    ]);
    expect(q1.blank).toBe(1);
  });

  it("returns visible but empty statistics when the attempts hold no answers", () => {
    const empty = ["a", "b", "c", "d", "e"].map((id) => attempt(id, {}));
    expect(itemStatistics(empty)).toEqual({ hidden: false, learners: 5, questions: [], withheld: [] });
  });
});

describe("item hints", () => {
  it.each([
    [0.95, 0.5, "too-easy"],
    [0.95, -0.5, "too-easy"], // with ≤ 5 % wrong, r rests on one or two people
    [0.91, null, "too-easy"],
    [0.9, 0.5, null], // "above 0.9" is strict
    [0.1, -0.3, "ambiguous"], // hard AND negative: most likely a wrong key
    [0.5, -0.01, "ambiguous"],
    [0.1, 0.5, "too-hard"],
    [0.19, null, "too-hard"],
    [0.2, 0.5, null],
    [0.5, 0, "weak"],
    [0.5, 0.19, "weak"],
    [0.5, 0.2, null],
    [0.5, null, null],
  ] as const)("facility %s and discrimination %s → %s", (facility, discrimination, hint) => {
    expect(hintFor(facility, discrimination)).toBe(hint);
  });
});

describe("pearson", () => {
  it("is 1 for a perfect positive relation, −1 for a perfect negative one", () => {
    expect(pearson([0, 1, 2], [1, 3, 5])).toBeCloseTo(1, 12);
    expect(pearson([0, 1, 2], [5, 3, 1])).toBeCloseTo(-1, 12);
  });

  it("is null for fewer than three pairs or a constant series", () => {
    expect(pearson([0, 1], [0, 1])).toBeNull();
    expect(pearson([0.1, 0.1, 0.1], [0, 1, 2])).toBeNull(); // 0.1 is inexact in binary: still constant
    expect(pearson([0, 1, 2], [0.3, 0.3, 0.3])).toBeNull();
  });
});
