import { describe, expect, it } from "vitest";
import { type Bar, barChartSvg, lineChartSvg, scale } from "../../../src/web/svg-charts.js";

const base = { id: "scores", title: "Score distribution", description: "How many learners scored in each band." };
const bars = (values: number[], label = (i: number) => `B${i + 1}`): Bar[] =>
  values.map((value, i) => ({ label: label(i), value }));

/** x, y, width, height of every bar, in document order. */
const rects = (svg: string) =>
  [...svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)"\/>/g)].map((m) =>
    m.slice(1).map(Number),
  );
/** The text content of every <text> element. */
const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
/** Category labels: the texts on the line under the axis. */
const categoryLabels = (svg: string) =>
  [...svg.matchAll(/<text x="([\d.]+)" y="191" [^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), text: m[2] }));

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrastOnWhite = (hex: string): number => 1.05 / (relativeLuminance(hex) + 0.05);

describe("SVG charts", () => {
  const charts = [
    barChartSvg({ ...base, bars: bars([3, 0, 7, 12]) }),
    lineChartSvg({ ...base, id: "weekly", points: bars([1, 4, 9, 15]) }),
    barChartSvg({ ...base, bars: bars([3, 7]), direction: "rtl" }),
  ];

  it("are accessible images named by their title and description", () => {
    const svg = charts[0]!;
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="scores-title scores-desc"');
    expect(svg).toContain('<title id="scores-title">Score distribution</title>');
    expect(svg).toContain('<desc id="scores-desc">How many learners scored in each band.</desc>');
    expect(svg.indexOf("<title")).toBeLessThan(svg.indexOf("<desc"));
  });

  it("are responsive: a viewBox and the full width", () => {
    for (const svg of charts) {
      expect(svg).toContain('viewBox="0 0 360 200"');
      expect(svg).toContain('width="100%"');
      expect(svg).not.toMatch(/\sheight="\d+"\s[^>]*role=/); // no fixed height on the root
    }
  });

  it("hold nothing a strict CSP would block", () => {
    for (const svg of charts) {
      expect(svg).not.toContain("style=");
      expect(svg).not.toContain("<style");
      expect(svg).not.toContain("<script");
      expect(svg).not.toMatch(/\son[a-z]+=/i); // event handlers
      expect(svg).not.toMatch(/href=/); // no links, no external resources
    }
  });

  it("use only colours with at least 3:1 contrast against white", () => {
    const colours = new Set(
      charts.flatMap((svg) => [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{6})"/g)].map((m) => m[1]!)),
    );
    expect([...colours].sort()).toEqual(["#0b5563", "#1b1b1b", "#767676"]);
    for (const colour of colours) expect(contrastOnWhite(colour)).toBeGreaterThanOrEqual(3);
  });

  it("stay small", () => {
    expect(charts[0]!.length).toBeLessThan(2_000);
    const year = barChartSvg({
      ...base,
      bars: bars(
        Array.from({ length: 52 }, (_, i) => i * 3),
        (i) => `Week ${i + 1}`,
      ),
    });
    expect(year.length).toBeLessThan(6_000);
  });

  it("escape every text: title, description, labels and formatted values", () => {
    const svg = barChartSvg({
      id: "x",
      title: 'Scores <script>alert("t")</script>',
      description: 'Tom & Jerry\'s "scores"',
      bars: [{ label: "<b>A&B</b> 'q'", value: 1 }],
      formatValue: (n) => `<${n}>`,
    });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("Scores &#60;script&#62;alert(&#34;t&#34;)&#60;/script&#62;");
    expect(svg).toContain("Tom &#38; Jerry&#39;s &#34;scores&#34;");
    expect(svg).toContain("&#60;b&#62;A&#38;B&#60;/b&#62; &#39;q&#39;");
    expect(svg).toContain("&#60;1&#62;");
  });

  it("refuse an id that is not a plain HTML id, since it ends up in attributes", () => {
    expect(() => barChartSvg({ ...base, id: 'a" onload="x', bars: bars([1]) })).toThrow(TypeError);
    expect(() => lineChartSvg({ ...base, id: "1abc", points: bars([1]) })).toThrow(TypeError);
  });
});

describe("bar charts", () => {
  it("draw one bar per value, as high as the value, with its label and value", () => {
    const svg = barChartSvg({ ...base, bars: bars([5, 10]) });
    const [first, second] = rects(svg);
    expect(second![3]).toBeCloseTo(first![3]! * 2, 0);
    expect(texts(svg)).toEqual(expect.arrayContaining(["5", "10", "B1", "B2"]));
  });

  it("return an empty string when there is no data: the page shows its own translated message", () => {
    expect(barChartSvg({ ...base, bars: [] })).toBe("");
    expect(lineChartSvg({ ...base, points: [] })).toBe("");
  });

  it("draw all-zero data on a 0..1 scale, without dividing by zero", () => {
    const svg = barChartSvg({ ...base, bars: bars([0, 0, 0]) });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(rects(svg)).toEqual([]); // zero bars are their "0" label on the axis
    expect(texts(svg).filter((t) => t === "0")).toHaveLength(4); // three values and the axis
    expect(texts(svg)).toContain("1");
  });

  it("draw a single bar centred in the plot", () => {
    const [[x, , width]] = rects(barChartSvg({ ...base, bars: bars([4]) })) as [number[]];
    expect(x! + width! / 2).toBeGreaterThan(150);
    expect(x! + width! / 2).toBeLessThan(220);
  });

  it("thin the labels of many bars so that they do not overlap, but keep every bar", () => {
    const svg = barChartSvg({
      ...base,
      bars: bars(
        Array.from({ length: 52 }, (_, i) => i * 10),
        (i) => `Week ${i + 1}`,
      ),
    });
    expect(rects(svg)).toHaveLength(51); // week 1 is 0
    expect(texts(svg)).not.toContain("510"); // values no longer fit above the bars: grid lines only
    const labels = categoryLabels(svg);
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.length).toBeLessThan(52);
    expect(labels[0]?.text).toBe("Week 1");
    for (let i = 1; i < labels.length; i++)
      expect(labels[i]!.x - labels[i - 1]!.x).toBeGreaterThanOrEqual(7 * 11 * 0.6);
  });

  it("shorten very long labels", () => {
    const svg = barChartSvg({ ...base, bars: [{ label: "A remarkably long category name", value: 1 }] });
    expect(texts(svg)).toContain("A remarkably …");
  });

  it("mirror for right-to-left pages: first bar on the right, value axis on the right", () => {
    const ltr = barChartSvg({ ...base, bars: bars([1, 2, 3]) });
    const rtl = barChartSvg({ ...base, bars: bars([1, 2, 3]), direction: "rtl" });
    expect(ltr).not.toContain("direction=");
    expect(rtl).toContain('direction="rtl"');
    const xs = (svg: string) => rects(svg).map(([x]) => x!);
    expect(xs(ltr)[0]).toBeLessThan(xs(ltr)[2]!);
    expect(xs(rtl)[0]).toBeGreaterThan(xs(rtl)[2]!);
    const tickX = (svg: string) => Number(/<text x="([\d.]+)" y="[\d.]+" dy=".32em"/.exec(svg)![1]);
    expect(tickX(ltr)).toBeLessThan(50);
    expect(tickX(rtl)).toBeGreaterThan(310);
  });

  it("use maxValue as the top of the scale, drawing larger values at the top", () => {
    const svg = barChartSvg({ ...base, bars: bars([50, 150]), maxValue: 100, formatValue: (n) => `${n} %` });
    const [half, over] = rects(svg);
    expect(over![3]).toBeCloseTo(half![3]! * 2, 0);
    expect(texts(svg)).toEqual(expect.arrayContaining(["0 %", "50 %", "100 %", "150 %"]));
  });

  it("count non-numbers as 0 and draw negative values as 0 with their real label", () => {
    const svg = barChartSvg({ ...base, bars: bars([Number.NaN, -3, 2]) });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(rects(svg)).toHaveLength(1);
    expect(texts(svg)).toContain("-3");
  });
});

describe("line charts", () => {
  it("draw one path through all points, with a dot on each", () => {
    const svg = lineChartSvg({ ...base, points: bars([1, 3, 6, 10]) });
    expect(svg.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(1);
    expect(/<path d="M([^"]*)" fill="none"/.exec(svg)![1]!.split("L")).toHaveLength(4);
    expect(svg.match(/<circle /g)).toHaveLength(4);
    expect(texts(svg)).toEqual(expect.arrayContaining(["1", "3", "6", "10"]));
  });

  it("draw a lone point as a dot", () => {
    const svg = lineChartSvg({ ...base, points: bars([7]) });
    expect(svg).not.toContain('fill="none"');
    expect(svg.match(/<circle /g)).toHaveLength(1);
  });

  it("label only the last value when not all of them fit", () => {
    const svg = lineChartSvg({ ...base, points: bars(Array.from({ length: 104 }, (_, i) => i * 10)) });
    expect(texts(svg)).toContain("1,030");
    expect(texts(svg)).not.toContain("1,020");
    expect(svg).not.toContain("<circle"); // no room for dots either
  });

  it("mirror for right-to-left pages", () => {
    const svg = lineChartSvg({ ...base, points: bars([1, 2]), direction: "rtl" });
    const [[x1], [x2]] = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => [Number(m[1])]) as [number[], number[]];
    expect(x1).toBeGreaterThan(x2!);
  });
});

describe("chart scales", () => {
  it.each([
    [0, true, 1, [0, 1]],
    [3, true, 3, [0, 1, 2, 3]],
    [7, true, 8, [0, 2, 4, 6, 8]],
    [100, true, 100, [0, 50, 100]],
    [1, false, 1, [0, 0.25, 0.5, 0.75, 1]],
    [0.42, false, 0.6, [0, 0.2, 0.4, 0.6]],
    [44, true, 60, [0, 20, 40, 60]],
  ] as const)("a maximum of %s (whole steps: %s) gives a top of %s", (max, whole, top, ticks) => {
    expect(scale(max, whole)).toEqual({ top, ticks });
  });
});
