// Paints laid-out lines on a pdf-lib page. pdf-lib's own drawText ignores OpenType
// positioning (no kerning, stacked accents collide), so each piece is shown with one TJ
// operator whose numbers move every glyph to where fontkit placed it. Glyph ids come
// from PDFFont.encodeText, which also records them for the font subset.
import {
  beginText,
  type Color,
  endText,
  PDFArray,
  type PDFFont,
  PDFHexString,
  type PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRise,
} from "pdf-lib";
import type { Face } from "./fonts.js";
import type { Line, Piece } from "./text-layout.js";

export type PlacedLine = { line: Line; x: number; y: number; size: number; color: Color };

export class TextPainter {
  private readonly keys = new Map<PDFFont, PDFName>();

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: ReadonlyMap<Face, PDFFont>,
  ) {}

  draw({ line, x, y, size, color }: PlacedLine): void {
    const operators: PDFOperator[] = [beginText(), setFillingColor(color)];
    let pen = x;
    for (const piece of line.pieces) {
      const font = this.fonts.get(piece.face);
      if (!font) throw new Error(`Face ${piece.face.name}/${piece.face.weight} was not embedded.`);
      operators.push(
        setFontAndSize(this.key(font), size),
        setTextMatrix(1, 0, 0, 1, pen, y),
        ...this.show(font, piece, size),
      );
      pen += piece.width * size;
    }
    operators.push(endText());
    this.page.pushOperators(...operators);
  }

  private key(font: PDFFont): PDFName {
    let key = this.keys.get(font);
    if (!key) {
      key = this.page.node.newFontDictionary(font.name, font.ref);
      this.keys.set(font, key);
    }
    return key;
  }

  // TJ numbers are in thousandths of an em and move the pen *left*: after each glyph the
  // viewer advances by the font's natural width, so the number corrects that to fontkit's
  // advance; a mark offset is applied before the glyph and taken back after it.
  private show(font: PDFFont, piece: Piece, size: number): PDFOperator[] {
    const hex = font.encodeText(piece.text).asString();
    if (hex.length !== piece.glyphs.length * 4) {
      throw new Error(`Glyph count mismatch while drawing "${piece.text}".`);
    }
    const context = this.page.doc.context;
    const operators: PDFOperator[] = [];
    let items: (PDFHexString | PDFNumber)[] = [];
    let rise = 0;
    const flush = () => {
      if (items.length === 0) return;
      const array = PDFArray.withContext(context);
      for (const item of items) array.push(item);
      operators.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
      items = [];
    };
    piece.glyphs.forEach((glyph, i) => {
      if (glyph.dy !== rise) {
        flush();
        rise = glyph.dy;
        operators.push(setTextRise(round(rise * size))); // Ts is in points, not em
      }
      if (glyph.dx) items.push(PDFNumber.of(round(-glyph.dx * 1000)));
      items.push(PDFHexString.of(hex.slice(i * 4, i * 4 + 4)));
      const correction = (glyph.natural - glyph.advance + glyph.dx) * 1000;
      if (Math.abs(correction) > 0.01) items.push(PDFNumber.of(round(correction)));
    });
    flush();
    if (rise) operators.push(setTextRise(0));
    return operators;
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
