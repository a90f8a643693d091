// The printable certificate: design.ts decides where everything goes, this file turns it
// into a PDF with pdf-lib. Only the faces actually used are embedded, as subsets, so a
// certificate weighs tens of kilobytes. The output is deterministic (dates come from the
// input), so the same certificate can be re-rendered on demand and cached by ETag.
import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setLineWidth,
  setStrokingColor,
  stroke,
} from "pdf-lib";
import { composeCertificate, type Drawing, PAGE } from "./design.js";
import { TextPainter } from "./draw-text.js";
import { CertificateInputError } from "./errors.js";
import type { Face } from "./fonts.js";
import { neutralPdfTitle } from "./pdf-metadata.js";
import { printableName } from "./printable.js";
import { drawQr } from "./qr.js";

export { CertificateNameError } from "./errors.js";

export type CertificateLabels = {
  heading: string;
  presentedTo: string;
  forCompleting: string;
  completedOn: string;
  issuedBy: string;
  verifyAt: string;
  codeLabel: string;
};

export type CertificatePdfInput = {
  name: string;
  courseTitle: string;
  completedOn: Date;
  dateText: string;
  issuerName: string;
  code: string;
  verifyUrl: string;
  language: string;
  labels: CertificateLabels;
};

/** Throws CertificateNameError when the name cannot be printed (see printable.ts). */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  checkInput(input);
  const drawing = composeCertificate({ ...input, name: printableName(input.name) });
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts = new Map<Face, PDFFont>();
  for (const face of new Set(drawing.texts.flatMap(({ line }) => line.pieces.map((piece) => piece.face)))) {
    fonts.set(face, await doc.embedFont(face.bytes, { subset: true, features: face.features }));
  }
  const page = doc.addPage([PAGE.width, PAGE.height]);
  paint(page, drawing, fonts);
  setMetadata(doc, input);
  return doc.save();
}

function checkInput(input: CertificatePdfInput): void {
  if (Number.isNaN(input.completedOn.getTime())) throw new CertificateInputError("completedOn is not a valid date.");
  if (!input.code.trim()) throw new CertificateInputError("The certificate code is empty.");
  try {
    Intl.getCanonicalLocales(input.language);
  } catch {
    throw new CertificateInputError(`language is not a language tag: ${input.language}`);
  }
  let url: URL;
  try {
    url = new URL(input.verifyUrl);
  } catch {
    throw new CertificateInputError(`verifyUrl is not an absolute URL: ${input.verifyUrl}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new CertificateInputError("verifyUrl must be http(s).");
}

function paint(page: PDFPage, drawing: Drawing, fonts: ReadonlyMap<Face, PDFFont>): void {
  for (const frame of drawing.frames) {
    const size = { width: PAGE.width - 2 * frame.inset, height: PAGE.height - 2 * frame.inset };
    page.pushOperators(
      pushGraphicsState(),
      setStrokingColor(frame.color),
      setLineWidth(frame.thickness),
      rectangle(frame.inset, frame.inset, size.width, size.height),
      stroke(),
      popGraphicsState(),
    );
  }
  for (const rule of drawing.rules) {
    page.drawLine({
      start: { x: rule.x1, y: rule.y1 },
      end: { x: rule.x2, y: rule.y2 },
      thickness: rule.thickness,
      color: rule.color,
    });
  }
  const painter = new TextPainter(page, fonts);
  for (const text of drawing.texts) painter.draw(text);
  drawQr(page, drawing.qr.text, drawing.qr, drawing.qr.color);
}

/** Metadata travels with the file and shows in file managers, search indexes and the
 *  viewer's title bar: it names neither the course nor the learner (issue 11 §3), only the code. */
function setMetadata(doc: PDFDocument, input: CertificatePdfInput): void {
  doc.setTitle(neutralPdfTitle(input.labels.codeLabel, input.code), { showInWindowTitleBar: true });
  doc.setAuthor(input.issuerName);
  doc.setCreator("Sendero");
  doc.setProducer("Sendero (pdf-lib)");
  doc.setLanguage(input.language);
  doc.setCreationDate(input.completedOn);
  doc.setModificationDate(input.completedOn);
}
