import { describe, expect, it } from "vitest";
import { bidiClass, paragraphDirection, resolveLevels, visualRuns } from "../../../src/certificates/bidi.js";

// The visual order of a line as the code points' logical indexes, reading left to right,
// with odd-level runs read backwards (as a renderer draws them).
function visual(text: string, direction: "ltr" | "rtl"): string {
  const chars = [...text];
  return visualRuns(resolveLevels(text, direction))
    .map((run) => {
      const part = chars.slice(run.start, run.end);
      return (run.level % 2 ? part.reverse() : part).join("");
    })
    .join("");
}

describe("the bidi algorithm", () => {
  it("classifies letters, digits and punctuation like Unicode's Bidi_Class", () => {
    expect(
      ["a", "Ж", "م", "א", "1", "١", "۱", "+", "%", ",", " ", "\u0301", "(", "\u200D"].map((c) =>
        bidiClass(c.codePointAt(0)!),
      ),
    ).toEqual(["L", "L", "AL", "R", "EN", "AN", "EN", "ES", "ET", "CS", "WS", "NSM", "ON", "BN"]);
  });

  it("takes a paragraph's direction from its first strong letter", () => {
    expect(paragraphDirection("2026 مريم Smith", "ltr")).toBe("rtl");
    expect(paragraphDirection("Smith مريم", "rtl")).toBe("ltr");
    expect(paragraphDirection("2026 — 12", "rtl")).toBe("rtl");
  });

  it("leaves left-to-right text alone", () => {
    expect(visual("Éléonore Adébáyọ̀ 2", "ltr")).toBe("Éléonore Adébáyọ̀ 2");
  });

  it("reverses Arabic words and their order", () => {
    expect(visual("مريم الحسن", "rtl")).toBe([..."مريم الحسن"].reverse().join(""));
  });

  it("keeps a Latin name inside Arabic text reading left to right, on the left of the Arabic", () => {
    // logical: Arabic, space, Latin → visual: Latin, space, Arabic reversed
    expect(visual("مريم Smith", "rtl")).toBe(`Smith ${[..."مريم"].reverse().join("")}`);
  });

  it("keeps numbers left to right inside Arabic, including Arabic-Indic digits", () => {
    expect(visual("دورة ٢٠٢٦", "rtl")).toBe(`٢٠٢٦ ${[..."دورة"].reverse().join("")}`);
    expect(visual("دورة 12", "rtl")).toBe(`12 ${[..."دورة"].reverse().join("")}`);
  });

  it("places an Arabic phrase inside a left-to-right sentence as one reversed block", () => {
    expect(visual("Course مريم الحسن here", "ltr")).toBe(`Course ${[..."مريم الحسن"].reverse().join("")} here`);
  });

  it("keeps combining marks on their letter", () => {
    const levels = resolveLevels("مُحَمَّد", "rtl");
    expect(new Set(levels)).toEqual(new Set([1]));
  });
});
