import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSafeCount, protectBinary, protectPartition } from "../../../src/orgs/small-cells.js";

/** Every way a viewer could complete the hidden parts, given what is shown and the total. */
function completions(shown: (number | null)[], total: number): number[][] {
  const hiddenAt = shown.flatMap((c, i) => (c === null ? [i] : []));
  const left = total - shown.reduce<number>((s, c) => s + (c ?? 0), 0);
  const out: number[][] = [];
  const fill = (i: number, rest: number, acc: number[]) => {
    if (i === hiddenAt.length - 1) return out.push([...acc, rest]);
    for (let v = 1; v <= rest; v++) fill(i + 1, rest - v, [...acc, v]);
  };
  if (hiddenAt.length) fill(0, left, []);
  return out;
}

describe("small cells", () => {
  it("shows a count only when it and what it leaves over are each 0 or at least 5", () => {
    expect(isSafeCount(0, 6)).toBe(true);
    expect(isSafeCount(6, 6)).toBe(true);
    expect(isSafeCount(5, 10)).toBe(true);
    expect(isSafeCount(1, 6)).toBe(false);
    expect(isSafeCount(5, 6)).toBe(false); // "everyone but one"
    expect(protectBinary([6, 5, 1, 0], 6)).toEqual([6, null, null, 0]);
  });

  it("a cohort of 6 where one learner chose B: neither A nor B is shown, so B cannot be subtracted out", () => {
    expect(protectPartition([5, 1], 6)).toEqual({ counts: [null, null], remainder: 0 });
  });

  it("hides the next smallest part when the hidden ones alone would add up to fewer than 5", () => {
    // 12 = 6 + 5 + 1: hiding only the 1 would leave 12 − 11 = 1.
    expect(protectPartition([6, 5, 1], 12)).toEqual({ counts: [6, null, null], remainder: 0 });
    // Two small parts (2 + 2 = 4) still need a third.
    expect(protectPartition([10, 6, 2, 2], 20)).toEqual({ counts: [10, null, null, null], remainder: 0 });
    // The remainder ("no answer") is a part like any other.
    expect(protectPartition([7, 5], 13)).toEqual({ counts: [7, null], remainder: null });
  });

  it("for any split of at least 5 responses, no hidden part can be worked out from the shown ones and the total", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        // Insight shows nothing of a question fewer than 5 learners answered.
        fc.pre(total >= 5);
        const { counts, remainder } = protectPartition(parts.slice(0, -1), total);
        const shown = [...counts, remainder];
        for (const [i, c] of shown.entries()) {
          if (c !== null) expect(c === 0 || c >= 5).toBe(true);
          else {
            // A hidden part that is really 1–4 must not be pinned down by subtraction.
            const values = new Set(
              completions(shown, total).map((x) => x[shown.slice(0, i).filter((s) => s === null).length]),
            );
            expect(values.size).toBeGreaterThan(1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
