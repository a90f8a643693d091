// Server-side SVG charts for dashboards (completions per week, score distribution), inlined
// in the page. Built for the page's strict CSP: no style attributes, no <style>, no script —
// only presentation attributes (fill, stroke, font-size), which CSP does not govern.
//
// Accessibility: role="img" with <title> and <desc> named by aria-labelledby; the caller
// also shows the data as a table, which is the real text alternative. Colours meet WCAG 2.2
// non-text contrast (≥ 3:1 on white): bars and line #0b5563 (8.4:1), text and axis #1b1b1b
// (17:1), grid lines #767676 (4.5:1), dashed so they stay quiet.
//
// Responsive: a fixed viewBox scaled to width 100%. Text is sized for a 360-unit-wide chart
// shown on a phone; the class "chart" lets the stylesheet cap the width on big screens.
//
// Decisions: no data → "" (the caller shows its own translated "no data yet" text; a chart
// of nothing would need untranslated text or mislead). Non-finite values count as 0;
// negative values are drawn as 0 but labelled with their real value (these charts count
// things). The scale's top is maxValue (or the largest value) rounded up to a nice number,
// in whole steps when every value is whole (counts); larger values are drawn at the top.
// With all values 0 the scale still runs 0..1 so nothing divides by zero.
// Right-to-left: the first bar is on the right and the value axis on the right.
export type Bar = { label: string; value: number };
type Direction = "ltr" | "rtl";
type ChartInput = {
  id: string;
  title: string;
  description: string;
  formatValue?: (n: number) => string;
  maxValue?: number;
  direction?: Direction;
};

const WIDTH = 360;
const HEIGHT = 200;
const FONT_SIZE = 11;
const TOP = 18; // room for value labels above the highest bar
const BASELINE = HEIGHT - 24; // room for category labels below
const FAR_SIDE = 8;
const LABEL_MAX_CHARS = 14;
const INK = "#1b1b1b";
const DATA = "#0b5563";
const GRID = "#767676";

const defaultFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 2 }).format;

export function barChartSvg(input: ChartInput & { bars: readonly Bar[] }): string {
  if (input.bars.length === 0) return "";
  const chart = layout(input, input.bars);
  const width = Math.max(1, chart.band * 0.7);
  const bars = input.bars.map((bar, i) => {
    const height = chart.height(bar.value);
    if (height < 0.5) return ""; // a zero bar is its "0" label on the axis
    return `<rect x="${round(chart.center(i) - width / 2)}" y="${round(BASELINE - height)}" width="${round(width)}" height="${round(height)}"/>`;
  });
  // Values on every bar if they fit; otherwise none: a label wider than its bar collides with
  // taller neighbours, and the grid lines and the page's data table give the numbers.
  const values = chart.valueEvery === 1 ? chart.valueLabels(4, () => true) : "";
  return frame(input, "chart chart-bar", [
    chart.axes,
    `<g fill="${DATA}">${bars.join("")}</g>`,
    values,
    chart.categoryLabels,
  ]);
}

/** e.g. cumulative completions per week. */
export function lineChartSvg(input: ChartInput & { points: readonly Bar[] }): string {
  if (input.points.length === 0) return "";
  const chart = layout(input, input.points);
  const xy = input.points.map((p, i) => [round(chart.center(i)), round(BASELINE - chart.height(p.value))] as const);
  const line =
    xy.length > 1
      ? `<path d="M${xy.map(([x, y]) => `${x} ${y}`).join("L")}" fill="none" stroke="${DATA}" stroke-width="2.5" stroke-linejoin="round"/>`
      : "";
  // Dots mark the data points while there is room for them; a lone point needs one to be seen.
  const dots =
    chart.band >= 8 || xy.length === 1
      ? `<g fill="${DATA}">${xy.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="3.5"/>`).join("")}</g>`
      : "";
  // Every value if they all fit; otherwise only the last (the running total), since labels
  // on every n-th point of a line would sit on the line itself.
  const last = input.points.length - 1;
  const values = chart.valueLabels(8, (i) => chart.valueEvery === 1 || i === last);
  return frame(input, "chart chart-line", [chart.axes, line, dots, values, chart.categoryLabels]);
}

function frame(input: ChartInput, className: string, parts: string[]): string {
  if (!/^[A-Za-z][\w-]*$/.test(input.id))
    throw new TypeError(`chart id must be a valid HTML id: ${JSON.stringify(input.id)}`);
  const rtl = input.direction === "rtl" ? ' direction="rtl"' : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" ` +
    `aria-labelledby="${input.id}-title ${input.id}-desc" class="${className}" font-family="system-ui,sans-serif" ` +
    `font-size="${FONT_SIZE}" fill="${INK}"${rtl}>` +
    `<title id="${input.id}-title">${escapeXml(input.title)}</title><desc id="${input.id}-desc">${escapeXml(input.description)}</desc>` +
    parts.join("") +
    "</svg>"
  );
}

/** Scale, positions, value axis and labels shared by both charts. */
function layout(input: ChartInput, data: readonly Bar[]): Layout {
  const rtl = input.direction === "rtl";
  const format = input.formatValue ?? defaultFormat;
  const values = data.map((d) => (Number.isFinite(d.value) ? d.value : 0));
  const { top, ticks } = scale(input.maxValue ?? Math.max(0, ...values), values.every(Number.isInteger));
  const tickTexts = ticks.map(format);

  const axisSide = Math.max(24, widest(tickTexts) + 8);
  const left = rtl ? FAR_SIDE : axisSide;
  const right = WIDTH - (rtl ? axisSide : FAR_SIDE);
  const band = (right - left) / data.length;
  const center = (i: number): number => (rtl ? right - (i + 0.5) * band : left + (i + 0.5) * band);
  const height = (value: number): number =>
    (Math.min(Math.max(Number.isFinite(value) ? value : 0, 0), top) / top) * (BASELINE - TOP);

  const tickY = (t: number): number => round(BASELINE - (t / top) * (BASELINE - TOP));
  const grid = ticks
    .filter((t) => t > 0)
    .map((t) => `M${left} ${tickY(t)}H${right}`)
    .join("");
  // Value-axis labels sit outside the plot on the axis side; "end" anchors them against the
  // plot in both directions, because direction="rtl" makes a text's end its left edge.
  const tickX = rtl ? right + 4 : left - 4;
  const axes =
    (grid ? `<path d="${grid}" stroke="${GRID}" stroke-width="0.75" stroke-dasharray="2 3"/>` : "") +
    `<path d="M${left} ${BASELINE}H${right}" stroke="${INK}"/>` +
    ticks
      .map(
        (t, i) => `<text x="${tickX}" y="${tickY(t)}" dy=".32em" text-anchor="end">${escapeXml(tickTexts[i]!)}</text>`,
      )
      .join("");

  // Labels are thinned so they never overlap: every n-th category keeps its label.
  const labels = data.map((d) => truncate(d.label));
  const valueTexts = values.map(format);
  const labelEvery = Math.max(1, Math.ceil((widest(labels) + 8) / band));
  const categoryLabels = labels
    .map((label, i) => {
      if (i % labelEvery !== 0) return "";
      const half = widest([label]) / 2; // keep long end labels inside the picture
      const x = round(Math.min(Math.max(center(i), half + 2), WIDTH - half - 2));
      return `<text x="${x}" y="${BASELINE + 15}" text-anchor="middle">${escapeXml(label)}</text>`;
    })
    .join("");
  const valueLabels = (gap: number, shown: (index: number) => boolean): string =>
    valueTexts
      .map((text, i) => {
        if (!shown(i)) return "";
        const y = round(BASELINE - height(values[i]!) - gap);
        return `<text x="${round(center(i))}" y="${y}" text-anchor="middle">${escapeXml(text)}</text>`;
      })
      .join("");
  return {
    band,
    center,
    height,
    axes,
    categoryLabels,
    valueLabels,
    valueEvery: Math.max(1, Math.ceil((widest(valueTexts) + 4) / band)),
  };
}

/** Rough width of the widest text: system fonts average about 0.6 em per character. */
const widest = (texts: readonly string[]): number => Math.max(0, ...texts.map((t) => [...t].length)) * FONT_SIZE * 0.6;

type Layout = {
  band: number;
  center: (index: number) => number;
  height: (value: number) => number;
  axes: string;
  categoryLabels: string;
  /** Value labels for the indexes `shown` picks; `gap` lifts them above the bar or dot. */
  valueLabels: (gap: number, shown: (index: number) => boolean) => string;
  /** 1 when every value label fits above its bar or point; more when they would overlap. */
  valueEvery: number;
};

/** A "nice" top of scale (1, 2, 2.5 or 5 × 10^k steps, about four of them) and its ticks. */
export function scale(max: number, wholeSteps = false): { top: number; ticks: number[] } {
  const target = max > 0 && Number.isFinite(max) ? max : 1;
  const rough = target / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const multipliers = wholeSteps ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const nice = (multipliers.find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  const step = wholeSteps ? Math.max(1, nice) : nice;
  const top = Number((Math.ceil(target / step - 1e-9) * step).toPrecision(12)); // 0.6, not 0.6000000000000001
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { top, ticks };
}

const round = (n: number): number => Math.round(n * 10) / 10;

function truncate(label: string): string {
  const chars = [...label];
  return chars.length <= LABEL_MAX_CHARS ? label : `${chars.slice(0, LABEL_MAX_CHARS - 1).join("")}…`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
