// One line of text → pieces drawn left to right, each in a single face, with glyph
// advances and offsets from fontkit's OpenType layout (kerning, Arabic joining, mark
// placement). Pure: nothing here knows about PDF; sizes are in em (font size 1).
import { mirror, resolveLevels, visualRuns } from "./bidi.js";
import { type Face, faceFor } from "./fonts.js";
import { graphemes } from "./printable.js";

export type Direction = "ltr" | "rtl";

/** A glyph in em: `advance` moves the pen, `natural` is the font's own width (what a PDF viewer assumes). */
export type PlacedGlyph = { advance: number; natural: number; dx: number; dy: number };

/** `text` is exactly what is handed to the font (pdf-lib lays it out the same way). */
export type Piece = { face: Face; text: string; rtl: boolean; glyphs: PlacedGlyph[]; width: number };

export type Line = { text: string; direction: Direction; pieces: Piece[]; width: number };

/**
 * Lays out `text` as one line in a paragraph of the given direction. `tracking` (em) adds
 * letter spacing, but only to lines without right-to-left text: spacing would break
 * Arabic joining.
 */
export function layoutLine(text: string, faces: readonly Face[], direction: Direction, tracking = 0): Line {
  const chars = [...text];
  const pieces: Piece[] = [];
  for (const run of visualRuns(resolveLevels(text, direction))) {
    const rtl = run.level % 2 === 1;
    const segments = splitByFace(chars.slice(run.start, run.end).join(""), faces);
    if (rtl) segments.reverse();
    for (const segment of segments) pieces.push(shape(segment.face, segment.text, rtl));
  }
  if (tracking && !pieces.some((piece) => piece.rtl)) addTracking(pieces, tracking);
  return { text, direction, pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0) };
}

function splitByFace(text: string, faces: readonly Face[]): { face: Face; text: string }[] {
  const segments: { face: Face; text: string }[] = [];
  let previous: Face | undefined;
  for (const grapheme of graphemes(text)) {
    // printable.ts has already removed what no face can draw; the fallback is defensive.
    const face = faceFor(grapheme, faces, previous) ?? previous ?? faces[0]!;
    const last = segments.at(-1);
    if (last && last.face === face) last.text += grapheme;
    else segments.push({ face, text: grapheme });
    previous = face;
  }
  return segments;
}

// fontkit picks the direction from the script it detects: Arabic letters are laid out
// right to left (shaped, then reversed), everything else left to right. When that is not
// the direction the bidi algorithm wants — neutrals inside Arabic text, Arabic-Indic
// digits — the graphemes are reversed first so fontkit's order comes out right.
function shape(face: Face, logical: string, rtl: boolean): Piece {
  let text = rtl ? [...logical].map(mirror).join("") : logical;
  let run = face.font.layout(text, face.features);
  if ((run.direction === "rtl") !== rtl) {
    text = graphemes(text).reverse().join("");
    run = face.font.layout(text, face.features);
  }
  const em = 1 / face.font.unitsPerEm;
  const glyphs = run.glyphs.map((glyph, i) => {
    const position = run.positions[i]!;
    // Mark offsets are applied to left-to-right text only (stacked Latin diacritics need
    // them). In right-to-left text an offset mark makes pdftotext and screen readers
    // split the word; Noto Naskh's default mark positions already sit well.
    const offsets = !rtl;
    return {
      advance: position.xAdvance * em,
      natural: glyph.advanceWidth * em,
      dx: offsets ? position.xOffset * em : 0,
      dy: offsets ? position.yOffset * em : 0,
    };
  });
  return { face, text, rtl, glyphs, width: glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) };
}

function addTracking(pieces: Piece[], tracking: number): void {
  const all = pieces.flatMap((piece) => piece.glyphs.map((glyph) => ({ piece, glyph })));
  for (const { piece, glyph } of all.slice(0, -1)) {
    if (glyph.advance === 0) continue; // marks stay on their letter
    glyph.advance += tracking;
    piece.width += tracking;
  }
}
