// A compact Unicode Bidirectional Algorithm (UAX #9) for one line of plain text: enough to
// put a name or a course title that mixes Arabic, Latin and digits in the right visual
// order. No package on this machine does it, and JavaScript regexes cannot read the
// Bidi_Class property, so classes come from the ranges below (close to DerivedBidiClass
// for every script we have a font for). Explicit embeddings and isolates are left out:
// printable.ts strips those controls, so a line is one isolating run sequence.

type BidiClass = "L" | "R" | "AL" | "EN" | "ES" | "ET" | "AN" | "CS" | "NSM" | "BN" | "WS" | "ON";
type Range = readonly [number, number];

const AN: Range[] = [
  [0x600, 0x605],
  [0x660, 0x669],
  [0x66b, 0x66c],
  [0x6dd, 0x6dd],
  [0x890, 0x891],
  [0x8e2, 0x8e2],
  [0x10e60, 0x10e7e],
];
const EN: Range[] = [
  [0x30, 0x39],
  [0xb2, 0xb3],
  [0xb9, 0xb9],
  [0x6f0, 0x6f9],
  [0x2070, 0x2070],
  [0x2074, 0x2079],
  [0x2080, 0x2089],
  [0x2488, 0x249b],
  [0xff10, 0xff19],
  [0x1d7ce, 0x1d7ff],
];
const ES: Range[] = [
  [0x2b, 0x2b],
  [0x2d, 0x2d],
  [0x207a, 0x207b],
  [0x208a, 0x208b],
  [0x2212, 0x2212],
  [0xfb29, 0xfb29],
  [0xfe62, 0xfe63],
  [0xff0b, 0xff0b],
  [0xff0d, 0xff0d],
];
const ET: Range[] = [
  [0x23, 0x25],
  [0xa2, 0xa5],
  [0xb0, 0xb1],
  [0x58f, 0x58f],
  [0x609, 0x60a],
  [0x66a, 0x66a],
  [0x2030, 0x2034],
  [0x20a0, 0x20cf],
  [0x212e, 0x212e],
  [0x2213, 0x2213],
  [0xfe5f, 0xfe5f],
  [0xfe69, 0xfe6a],
  [0xff03, 0xff05],
  [0xffe0, 0xffe1],
  [0xffe5, 0xffe6],
];
const CS: Range[] = [
  [0x2c, 0x2c],
  [0x2e, 0x2f],
  [0x3a, 0x3a],
  [0xa0, 0xa0],
  [0x60c, 0x60c],
  [0x202f, 0x202f],
  [0x2044, 0x2044],
  [0xfe50, 0xfe50],
  [0xfe52, 0xfe52],
  [0xfe55, 0xfe55],
  [0xff0c, 0xff0c],
  [0xff0e, 0xff0f],
  [0xff1a, 0xff1a],
];
// Blocks whose characters default to right-to-left (Arabic-like AL, or Hebrew-like R).
const AL_BLOCKS: Range[] = [
  [0x600, 0x7bf],
  [0x860, 0x8ff],
  [0xfb50, 0xfdcf],
  [0xfdf0, 0xfdff],
  [0xfe70, 0xfeff],
  [0x10d00, 0x10d3f],
  [0x1ec70, 0x1ecbf],
  [0x1ee00, 0x1eeff],
];
const R_BLOCKS: Range[] = [
  [0x590, 0x5ff],
  [0x7c0, 0x85f],
  [0xfb1d, 0xfb4f],
  [0x10800, 0x10cff],
  [0x10d40, 0x10fff],
  [0x1e800, 0x1ec6f],
  [0x1ecc0, 0x1edff],
  [0x1ef00, 0x1efff],
];

const inRanges = (cp: number, ranges: Range[]) => ranges.some(([a, b]) => cp >= a && cp <= b);

export function bidiClass(cp: number): BidiClass {
  if (cp === 0x200e) return "L";
  if (cp === 0x200f) return "R";
  if (cp === 0x61c) return "AL";
  if (inRanges(cp, AN)) return "AN";
  if (inRanges(cp, EN)) return "EN";
  if (inRanges(cp, ES)) return "ES";
  if (inRanges(cp, ET)) return "ET";
  if (inRanges(cp, CS)) return "CS";
  const char = String.fromCodePoint(cp);
  if (/[\p{Mn}\p{Me}]/u.test(char)) return "NSM";
  if (/[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029\p{Zs}]/u.test(char)) return "WS";
  if (/[\p{Cc}\p{Cf}]/u.test(char)) return "BN";
  if (cp === 0xfd3e || cp === 0xfd3f) return "ON";
  if (inRanges(cp, AL_BLOCKS)) return "AL";
  if (inRanges(cp, R_BLOCKS)) return "R";
  if (/[\p{L}\p{Mc}\p{Nd}\p{Nl}]/u.test(char)) return "L";
  return "ON";
}

const isStrong = (t: BidiClass) => t === "L" || t === "R" || t === "AL";

/** Paragraph direction from the first strong character (rules P2–P3), else the fallback. */
export function paragraphDirection(text: string, fallback: "ltr" | "rtl"): "ltr" | "rtl" {
  for (const char of text) {
    const t = bidiClass(char.codePointAt(0)!);
    if (t === "L") return "ltr";
    if (t === "R" || t === "AL") return "rtl";
  }
  return fallback;
}

/** Embedding level of every code point of `text` (rules W1–W7, N1–N2, I1–I2, L1). */
export function resolveLevels(text: string, direction: "ltr" | "rtl"): number[] {
  const cps = [...text].map((char) => char.codePointAt(0)!);
  const base = direction === "rtl" ? 1 : 0;
  const sos: BidiClass = base ? "R" : "L";
  // X9: boundary neutrals (joiners, soft hyphens) are set aside, then take the level of
  // the character before them.
  const kept = cps.map((_, i) => i).filter((i) => bidiClass(cps[i]!) !== "BN");
  const t = kept.map((i) => bidiClass(cps[i]!));
  resolveWeakTypes(t, sos);
  resolveNeutrals(t, sos);
  const levels = t.map((type) => {
    if (base === 0) return type === "R" ? 1 : type === "AN" || type === "EN" ? 2 : 0; // I1
    return type === "L" || type === "EN" || type === "AN" ? 2 : 1; // I2
  });
  // L1: whitespace at the end of the line goes back to the paragraph level.
  for (let i = t.length - 1; i >= 0 && bidiClass(cps[kept[i]!]!) === "WS"; i--) levels[i] = base;
  const out = new Array<number>(cps.length).fill(base);
  let k = 0;
  let previous = base;
  for (let i = 0; i < cps.length; i++) {
    if (kept[k] === i) previous = out[i] = levels[k++]!;
    else out[i] = previous;
  }
  return out;
}

// W1–W7: marks, numbers and separators take their type from their surroundings.
function resolveWeakTypes(t: BidiClass[], sos: BidiClass): void {
  const n = t.length;
  for (let i = 0; i < n; i++) if (t[i] === "NSM") t[i] = i === 0 ? sos : t[i - 1]!; // W1
  let lastStrong: BidiClass = sos;
  for (let i = 0; i < n; i++) {
    if (isStrong(t[i]!)) lastStrong = t[i]!;
    else if (t[i] === "EN" && lastStrong === "AL") t[i] = "AN"; // W2
  }
  for (let i = 0; i < n; i++) if (t[i] === "AL") t[i] = "R"; // W3
  for (let i = 1; i < n - 1; i++) {
    const [before, after] = [t[i - 1], t[i + 1]];
    if (t[i] === "ES" && before === "EN" && after === "EN")
      t[i] = "EN"; // W4
    else if (t[i] === "CS" && before === after && (before === "EN" || before === "AN")) t[i] = before!;
  }
  for (let i = 0; i < n; i++) {
    if (t[i] !== "ET") continue; // W5
    let j = i;
    while (j < n && t[j] === "ET") j++;
    if (t[i - 1] === "EN" || t[j] === "EN") t.fill("EN", i, j);
    i = j - 1;
  }
  for (let i = 0; i < n; i++) if (t[i] === "ES" || t[i] === "ET" || t[i] === "CS") t[i] = "ON"; // W6
  lastStrong = sos;
  for (let i = 0; i < n; i++) {
    if (t[i] === "L" || t[i] === "R") lastStrong = t[i]!;
    else if (t[i] === "EN" && lastStrong === "L") t[i] = "L"; // W7
  }
}

// N1–N2: a run of neutrals between two characters of the same direction takes that
// direction (numbers count as right-to-left); otherwise it takes the paragraph's.
function resolveNeutrals(t: BidiClass[], sos: BidiClass): void {
  const strength = (type: BidiClass | undefined): "L" | "R" | null =>
    type === "L" ? "L" : type === "R" || type === "EN" || type === "AN" ? "R" : null;
  for (let i = 0; i < t.length; i++) {
    if (strength(t[i]) !== null) continue;
    let j = i;
    while (j < t.length && strength(t[j]) === null) j++;
    const before = i === 0 ? strength(sos) : strength(t[i - 1]);
    const after = j === t.length ? strength(sos) : strength(t[j]);
    t.fill(before === after ? before! : sos, i, j);
    i = j - 1;
  }
}

export type LevelRun = { start: number; end: number; level: number };

/**
 * Runs of equal level, as [start, end) offsets into the code-point array, in visual order
 * from left to right (rule L2). Characters inside an odd-level run still read in logical
 * order: whoever draws the run must lay it out right to left.
 */
export function visualRuns(levels: readonly number[]): LevelRun[] {
  const runs: LevelRun[] = [];
  for (let i = 0; i < levels.length; i++) {
    const last = runs.at(-1);
    if (last && last.level === levels[i]) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level: levels[i]! });
  }
  const highest = Math.max(0, ...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => (run.level % 2 ? run.level : Infinity)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i]!.level < level) continue;
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs;
}

const MIRRORED: Record<string, string> = {
  "(": ")",
  ")": "(",
  "[": "]",
  "]": "[",
  "{": "}",
  "}": "{",
  "<": ">",
  ">": "<",
  "«": "»",
  "»": "«",
  "‹": "›",
  "›": "‹",
  "⁅": "⁆",
  "⁆": "⁅",
  "⁽": "⁾",
  "⁾": "⁽",
  "₍": "₎",
  "₎": "₍",
  "≤": "≥",
  "≥": "≤",
};

/** Rule L4: a mirrored glyph for brackets and the like in right-to-left text. */
export function mirror(char: string): string {
  return MIRRORED[char] ?? char;
}
