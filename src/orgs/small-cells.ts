// Small-cell suppression for anything staff see about a group's answers. Staff also see
// each learner's scores on the dashboard, so a count of 1–4 ("one person chose B") can be
// matched to a person. Every count shown here is therefore 0 or at least MIN_CELL, and so is
// what it leaves over ("everyone but one chose A" singles that one out just the same).
// `null` means "fewer than 5" / "not shown". See docs/decisions/0018-small-cell-suppression.md.

export const MIN_CELL = 5;

/** Whether a count out of `total` can be shown: it and its complement are each 0 or ≥ MIN_CELL. */
export function isSafeCount(count: number, total: number, min = MIN_CELL): boolean {
  const rest = total - count;
  return (count === 0 || count >= min) && (rest === 0 || rest >= min);
}

/** Independent yes/no counts (multiple choice: each option chosen or not, out of `total`). */
export function protectBinary(counts: readonly number[], total: number, min = MIN_CELL): (number | null)[] {
  return counts.map((count) => (isSafeCount(count, total, min) ? count : null));
}

/**
 * Counts that split `total` into parts (one answer each; `counts` plus an implicit remainder,
 * "no answer"). Primary suppression hides every part of 1..min-1; complementary suppression
 * then hides the smallest shown parts until the hidden ones are at least two and add up to at
 * least `min` — otherwise `total − shown` would give a hidden part back by subtraction.
 */
export function protectPartition(
  counts: readonly number[],
  total: number,
  min = MIN_CELL,
): { counts: (number | null)[]; remainder: number | null } {
  const cells = [...counts, Math.max(0, total - counts.reduce((a, b) => a + b, 0))];
  const hidden = cells.map((c) => c > 0 && c < min);
  const hiddenSum = () => cells.reduce((sum, c, i) => sum + (hidden[i] ? c : 0), 0);
  const hiddenCount = () => hidden.filter(Boolean).length;
  while (hiddenCount() > 0 && (hiddenCount() < 2 || hiddenSum() < min)) {
    // Next smallest shown non-zero part; zero parts say "nobody", which singles nobody out.
    let next = -1;
    for (const [i, c] of cells.entries()) if (!hidden[i] && c > 0 && (next < 0 || c < cells[next]!)) next = i;
    if (next < 0) break;
    hidden[next] = true;
  }
  // If the hidden parts still cannot protect each other, nothing of the split is shown.
  const leak = hiddenCount() > 0 && (hiddenCount() < 2 || hiddenSum() < min);
  const shown = cells.map((c, i) => (leak || hidden[i] ? null : c));
  return { counts: shown.slice(0, -1), remainder: shown.at(-1) ?? null };
}
