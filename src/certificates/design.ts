// The certificate's page design, as pure geometry: A4 landscape, a double rule frame,
// a centred column (heading, name, course), and a footer of three blocks — date, issuer,
// QR code with the verification address — mirrored for right-to-left languages.
import { type Color, rgb } from "pdf-lib";
import type { PlacedLine } from "./draw-text.js";
import { type FitSpec, fitText } from "./fit.js";
import { loadFaces, type Weight } from "./fonts.js";
import { printableText } from "./printable.js";
import type { Direction } from "./text-layout.js";

export const PAGE = { width: 841.89, height: 595.28 } as const; // A4 landscape, points

const INK = rgb(0.11, 0.14, 0.19);
const ACCENT = rgb(0.06, 0.35, 0.36);
const MUTED = rgb(0.37, 0.41, 0.47);
const HAIRLINE = rgb(0.76, 0.79, 0.82);

export type Rule = { x1: number; y1: number; x2: number; y2: number; thickness: number; color: Color };
export type Frame = { inset: number; thickness: number; color: Color };
export type Drawing = {
  texts: PlacedLine[];
  rules: Rule[];
  frames: Frame[];
  qr: { x: number; y: number; size: number; text: string; color: Color };
};

export type DesignInput = {
  name: string; // already checked by printableName
  courseTitle: string;
  dateText: string;
  issuerName: string;
  code: string;
  verifyUrl: string;
  language: string;
  labels: {
    heading: string;
    presentedTo: string;
    forCompleting: string;
    completedOn: string;
    issuedBy: string;
    verifyAt: string;
    codeLabel: string;
  };
};

const CENTER = PAGE.width / 2;
const COLUMN = 640; // width of the centred text column
const FOOTER_CENTERS = [196, CENTER, PAGE.width - 196]; // date, issuer, QR — left to right
const FOOTER_WIDTH = 210;
const QR_SIZE = 74;
const RTL_LANGUAGES = /^(ar|fa|he|ur|ps|ckb|dv|yi)(-|$)/i;

type Place = (raw: string, weight: Weight, x: number, middle: number, color: Color, spec: FitSpec) => void;

export function composeCertificate(input: DesignInput): Drawing {
  const direction: Direction = RTL_LANGUAGES.test(input.language) ? "rtl" : "ltr";
  const texts: PlacedLine[] = [];
  // Fits a block of one or two lines and centres it on (x, middle), the block's visual middle.
  const place: Place = (raw, weight, x, middle, color, spec) => {
    const faces = loadFaces(weight);
    const text = printableText(raw, faces).text;
    if (!text) return;
    const { size, lines } = fitText(text, faces, direction, spec);
    const leading = size * 1.35;
    lines.forEach((line, i) => {
      const baseline = middle + ((lines.length - 1) / 2 - i) * leading - size * 0.34;
      texts.push({ line, x: x - (line.width * size) / 2, y: baseline, size, color });
    });
  };
  placeColumn(input, direction, place);
  const [start, middle, end] = direction === "rtl" ? [...FOOTER_CENTERS].reverse() : FOOTER_CENTERS;
  placeFooter(input, { start: start!, middle: middle!, end: end! }, place);
  const rule = (x: number, y: number, half: number, thickness: number, color: Color): Rule => ({
    x1: x - half,
    y1: y,
    x2: x + half,
    y2: y,
    thickness,
    color,
  });
  return {
    texts,
    rules: [
      rule(CENTER, 470, 26, 1, ACCENT),
      rule(CENTER, 324, 190, 0.6, HAIRLINE),
      rule(start!, 120, 80, 0.6, HAIRLINE),
      rule(middle!, 120, 80, 0.6, HAIRLINE),
    ],
    frames: [
      { inset: 22, thickness: 1.6, color: ACCENT },
      { inset: 28, thickness: 0.5, color: ACCENT },
    ],
    qr: { x: end! - QR_SIZE / 2, y: 110, size: QR_SIZE, text: input.verifyUrl, color: INK },
  };
}

function placeColumn(input: DesignInput, direction: Direction, place: Place): void {
  // Capitals and letter spacing suit Latin and Cyrillic headings; Arabic has neither.
  const heading = direction === "rtl" ? input.labels.heading : input.labels.heading.toLocaleUpperCase(input.language);
  place(heading, "bold", CENTER, 490, ACCENT, { width: COLUMN, maxSize: 15, minSingleLine: 9, tracking: 0.12 });
  place(input.labels.presentedTo, "regular", CENTER, 424, MUTED, { width: COLUMN, maxSize: 13, minSingleLine: 8 });
  place(input.name, "regular", CENTER, 370, INK, { width: COLUMN, maxSize: 40, minSingleLine: 24, maxTwoLines: 30 });
  place(input.labels.forCompleting, "regular", CENTER, 292, MUTED, { width: COLUMN, maxSize: 13, minSingleLine: 8 });
  place(input.courseTitle, "bold", CENTER, 256, INK, {
    width: COLUMN,
    maxSize: 22,
    minSingleLine: 15,
    maxTwoLines: 18,
  });
}

function placeFooter(input: DesignInput, x: { start: number; middle: number; end: number }, place: Place): void {
  const small = (maxSize: number): FitSpec => ({ width: FOOTER_WIDTH, maxSize, minSingleLine: 5 });
  place(input.dateText, "regular", x.start, 134, INK, small(12));
  place(input.labels.completedOn, "regular", x.start, 104, MUTED, small(9));
  place(input.issuerName, "regular", x.middle, 134, INK, small(12));
  place(input.labels.issuedBy, "regular", x.middle, 104, MUTED, small(9));
  // Under the QR code, clear of its quiet zone (four modules).
  place(input.labels.verifyAt, "regular", x.end, 96, MUTED, small(7.5));
  place(input.verifyUrl, "regular", x.end, 84, INK, {
    width: FOOTER_WIDTH,
    maxSize: 7.5,
    minSingleLine: 6,
    maxTwoLines: 6.5,
  });
  place(input.labels.codeLabel, "regular", x.end, 68, MUTED, small(7.5));
  place(input.code, "bold", x.end, 57, INK, small(9));
}
