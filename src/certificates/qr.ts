// The verification QR code, drawn as vector squares (sharp at any print size, and a few
// hundred bytes instead of an image). Error correction "M" survives a crease or a coffee
// stain on a printed certificate while keeping modules large enough for cheap phone cameras.

import {
  type Color,
  fill,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingColor,
} from "pdf-lib";
import QRCode from "qrcode";

export type QrMatrix = { size: number; dark: (row: number, column: number) => boolean };

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return { size: modules.size, dark: (row, column) => modules.get(row, column) === 1 };
}

/** Draws the symbol with its lower-left corner at (x, y); the quiet zone is left to the caller. */
export function drawQr(page: PDFPage, text: string, box: { x: number; y: number; size: number }, color: Color): void {
  const matrix = qrMatrix(text);
  const module = box.size / matrix.size;
  const operators = [pushGraphicsState(), setFillingColor(color)];
  for (let row = 0; row < matrix.size; row++) {
    // One rectangle per horizontal run of dark modules keeps the content stream small.
    for (let column = 0; column < matrix.size; column++) {
      if (!matrix.dark(row, column)) continue;
      let end = column;
      while (end + 1 < matrix.size && matrix.dark(row, end + 1)) end++;
      const top = box.y + box.size - row * module;
      operators.push(rectangle(box.x + column * module, top - module, (end - column + 1) * module, module));
      column = end;
    }
  }
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}
