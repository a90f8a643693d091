// What can be printed. Text is NFC-normalised (precomposed letters need no mark
// positioning), controls and bidi overrides are removed (the layout orders text itself),
// whitespace is collapsed, and every grapheme is checked against the bundled faces.
// Symbols no face has (emoji…) are dropped rather than printed as empty boxes; a name
// whose *letters* cannot be printed is refused, because a certificate must not print a
// partial name.
import { CertificateNameError } from "./errors.js";
import { type Face, faceFor, loadFaces } from "./fonts.js";

export const MAX_NAME_GRAPHEMES = 200;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

function clean(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029\p{Zs}]+/gu, " ")
    .replace(/\p{Cc}/gu, "")
    .replace(/(?![\u200C\u200D])\p{Cf}/gu, "") // keep ZWNJ/ZWJ: they change Arabic joining
    .replace(/ {2,}/g, " ")
    .trim();
}

export type Printable = { text: string; dropped: string[] };

/** The text with every grapheme the faces cannot draw removed, and what was removed. */
export function printableText(text: string, faces: readonly Face[] = loadFaces("regular")): Printable {
  const kept: string[] = [];
  const dropped: string[] = [];
  let previous: Face | undefined;
  for (const grapheme of graphemes(clean(text))) {
    const face = grapheme === " " ? previous : faceFor(grapheme, faces, previous);
    if (face || grapheme === " ") {
      kept.push(grapheme);
      previous = face ?? previous;
    } else dropped.push(grapheme);
  }
  return { text: kept.join("").replace(/ {2,}/g, " ").trim(), dropped };
}

const HAS_LETTER = /[\p{L}\p{N}]/u;

/**
 * The name as it will be printed, or a CertificateNameError. The claim form can call this
 * before issuing anything, so the learner can fix the name straight away.
 */
export function printableName(name: string, faces: readonly Face[] = loadFaces("regular")): string {
  const { text, dropped } = printableText(name, faces);
  const letters = [...new Set(dropped.filter((grapheme) => HAS_LETTER.test(grapheme)))];
  if (letters.length > 0) {
    throw new CertificateNameError(
      "unsupported-characters",
      `The certificate fonts cannot print ${letters.map((g) => `"${g}"`).join(", ")}; ` +
        "the name must be written in Latin, Greek, Cyrillic or Arabic letters.",
      letters,
    );
  }
  if (!HAS_LETTER.test(text)) {
    throw new CertificateNameError(
      "empty",
      "The name has no printable letter or digit (emoji and symbols are left out).",
    );
  }
  if (graphemes(text).length > MAX_NAME_GRAPHEMES) {
    throw new CertificateNameError("too-long", `The name is longer than ${MAX_NAME_GRAPHEMES} characters.`);
  }
  return text;
}
