export type Figure = { name: string; value: number; unit: string; target?: string; ok?: boolean };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}\n`);
  console.log("| figure | value | target |");
  console.log("|---|---|---|");
  for (const f of figures) {
    const digits = f.value >= 100 ? 0 : f.value >= 10 ? 1 : 2;
    const value =
      `${f.value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: Number.isInteger(f.value) ? 0 : digits })} ${f.unit}`.trim();
    const target = f.target ? `${f.target} ${f.ok ? "✓" : "✗"}` : "";
    console.log(`| ${f.name} | ${value} | ${target} |`);
  }
}
