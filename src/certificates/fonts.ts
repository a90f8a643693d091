// The faces a certificate is set in: bundled Noto fonts (./fonts, OFL), read once and
// never downloaded. A "face" is one font file; text is split so that each run is drawn
// with a single face, which is what lets fontkit shape Arabic properly.
import fs from "node:fs";
import type { Font, TypeFeatures } from "@pdf-lib/fontkit";
import fontkit from "@pdf-lib/fontkit";

export type Weight = "regular" | "bold";

export type Face = {
  name: "latin" | "arabic";
  weight: Weight;
  bytes: Uint8Array;
  font: Font;
  /** OpenType features for both our layout and pdf-lib's (they must match glyph for glyph). */
  features: TypeFeatures | undefined;
};

// Order matters: a grapheme that no script rule claims goes to the first face that has it.
const FACES = [
  { name: "latin", regular: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf" },
  { name: "arabic", regular: "NotoNaskhArabic-Regular.ttf", bold: "NotoNaskhArabic-Bold.ttf" },
] as const;

const ARABIC_SCRIPT = /\p{Script_Extensions=Arabic}/u;
// Joiners and variation selectors are invisible: fontkit hides them, so they need no glyph.
const IGNORABLE = /\u200C|\u200D|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/u;

// Noto Naskh's optional "liga" turns الله into one glyph standing for three letters. In
// right-to-left text pdftotext reads such a glyph's letters backwards (extractors that
// reorder text by position tend to), so a name copied from the PDF would come out
// misspelt ("عبد اهلل"); the letters drawn one by one are just as correct to read. The Proxy ignores writes because fontkit stores
// its own defaults into the object it is given, which would turn Arabic positional
// forms on for every later run.
const NO_LIGATURES = new Proxy<TypeFeatures>({ liga: false }, { set: () => true });

const cache = new Map<Weight, readonly Face[]>();

export function loadFaces(weight: Weight): readonly Face[] {
  let faces = cache.get(weight);
  if (!faces) {
    faces = FACES.map((entry) => {
      const bytes = new Uint8Array(fs.readFileSync(new URL(`./fonts/${entry[weight]}`, import.meta.url)));
      const features = entry.name === "arabic" ? NO_LIGATURES : undefined;
      return { name: entry.name, weight, bytes, font: fontkit.create(bytes), features };
    });
    cache.set(weight, faces);
  }
  return faces;
}

function drawable(face: Face, grapheme: string): boolean {
  let any = false;
  for (const char of grapheme) {
    if (IGNORABLE.test(char)) continue;
    any = true;
    if (!face.font.hasGlyphForCodePoint(char.codePointAt(0)!)) return false;
  }
  return any;
}

// Arabic letters go to the Arabic face; neutral characters (spaces, punctuation, digits)
// stay with the face of the text before them so that runs are not cut needlessly.
export function faceFor(grapheme: string, faces: readonly Face[], previous?: Face): Face | null {
  const stripped = [...grapheme].filter((char) => !IGNORABLE.test(char)).join("");
  if (stripped === "") return previous ?? faces[0] ?? null;
  const neutral = !/[\p{L}\p{M}]/u.test(stripped);
  const preferred = ARABIC_SCRIPT.test(stripped)
    ? faces.filter((face) => face.name === "arabic")
    : neutral && previous
      ? [previous]
      : [];
  for (const face of [...preferred, ...faces]) {
    if (drawable(face, grapheme)) return face;
  }
  return null;
}
