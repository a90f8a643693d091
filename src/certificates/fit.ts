// Fitting text into a width: the largest size up to `maxSize` on one line; when that
// would fall below `minSingleLine`, two balanced lines (when allowed); long unbreakable
// text keeps shrinking rather than being cut — a certificate never truncates a name.
import { paragraphDirection } from "./bidi.js";
import type { Face } from "./fonts.js";
import { graphemes } from "./printable.js";
import { type Direction, type Line, layoutLine } from "./text-layout.js";

export type FitSpec = {
  width: number;
  maxSize: number;
  minSingleLine: number;
  /** Largest size when the text takes two lines; omit to keep the text on one line. */
  maxTwoLines?: number;
  tracking?: number;
};

export type Fitted = { size: number; lines: Line[] };

// Trying every break of a 200-character name would lay it out 400 times; the best break
// is always near the middle.
const MAX_CANDIDATES = 40;

const roundDown = (size: number) => Math.max(0.5, Math.floor(size * 4) / 4);

export function fitText(text: string, faces: readonly Face[], fallback: Direction, spec: FitSpec): Fitted {
  const direction = paragraphDirection(text, fallback);
  const one = layoutLine(text, faces, direction, spec.tracking);
  const oneSize = one.width > 0 ? Math.min(spec.maxSize, spec.width / one.width) : spec.maxSize;
  if (oneSize >= spec.minSingleLine || spec.maxTwoLines === undefined)
    return { size: roundDown(oneSize), lines: [one] };
  const two = bestSplit(text, faces, direction, spec.tracking);
  if (!two) return { size: roundDown(oneSize), lines: [one] };
  const twoSize = Math.min(spec.maxTwoLines, spec.width / Math.max(two[0].width, two[1].width));
  return twoSize > oneSize ? { size: roundDown(twoSize), lines: two } : { size: roundDown(oneSize), lines: [one] };
}

function bestSplit(text: string, faces: readonly Face[], direction: Direction, tracking = 0): [Line, Line] | null {
  const parts = graphemes(text);
  const after = (pattern: RegExp) => parts.flatMap((_part, i) => (i > 0 && pattern.test(parts[i - 1]!) ? [i] : []));
  const spaces = parts.flatMap((part, i) => (part === " " ? [i] : []));
  // Break at a space; else after a slash or hyphen (addresses, codes); else anywhere.
  const punctuation = after(/^[/\-_.]$/);
  const anywhere = parts.map((_, i) => i).slice(1);
  const candidates = (spaces.length > 0 ? spaces : punctuation.length > 0 ? punctuation : anywhere)
    .sort((a, b) => Math.abs(a - parts.length / 2) - Math.abs(b - parts.length / 2))
    .slice(0, MAX_CANDIDATES);
  let best: [Line, Line] | null = null;
  let bestWidth = Infinity;
  for (const at of candidates) {
    const first = parts.slice(0, at).join("").trim();
    const second = parts.slice(at).join("").trim();
    if (!first || !second) continue;
    const lines: [Line, Line] = [
      layoutLine(first, faces, direction, tracking),
      layoutLine(second, faces, direction, tracking),
    ];
    const width = Math.max(lines[0].width, lines[1].width);
    if (width < bestWidth) [best, bestWidth] = [lines, width];
  }
  return best;
}
