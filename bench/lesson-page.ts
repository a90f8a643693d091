// Lesson-page throughput and latency, anonymous and signed in (with progress: the
// realistic hot page), each next to a plain node:http server serving the same bytes;
// and the page's first-load weight (HTML + CSS + JS, gzip).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type autocannon from "autocannon";
import { type Child, load, startChild } from "./processes.js";
import { seedUsers } from "./seed-users.js";
import type { Figure } from "./stats.js";

export const LESSON_PATH = "/courses/drug-decriminalisation/existing-models/portugal";

async function versusPlain(
  label: string,
  url: string,
  html: string,
  duration: number,
  headersFor?: (connection: number) => Record<string, string>,
): Promise<Figure[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sendero-bench-")), "page.html");
  fs.writeFileSync(file, html);
  const plain = await startChild("bench/plain-child.ts", [file]);
  let next = 0;
  const options: Partial<autocannon.Options> = headersFor
    ? {
        requests: [
          {
            setupRequest: (req: autocannon.Request, context: object) => {
              const ctx = context as { n?: number };
              ctx.n ??= next++;
              return { ...req, headers: headersFor(ctx.n) };
            },
          },
        ],
      }
    : {};
  await load(url, { duration: 2, ...options });
  const ours = await load(url, { duration, ...options });
  const baseline = await load(`http://127.0.0.1:${plain.port}/`, { duration });
  plain.stop();
  const ratio = ours.requestsPerSecond / baseline.requestsPerSecond;
  return [
    { name: `${label}: requests/s (50 connections)`, value: ours.requestsPerSecond, unit: "req/s" },
    { name: `${label}: p99 latency`, value: ours.p99, unit: "ms", target: "≤ 20 ms", ok: ours.p99 <= 20 },
    {
      name: `${label}: errors + non-2xx`,
      value: ours.errors + ours.non2xx,
      unit: "",
      target: "0",
      ok: ours.errors + ours.non2xx === 0,
    },
    { name: `${label}: plain node:http, same bytes`, value: baseline.requestsPerSecond, unit: "req/s" },
    { name: `${label}: ratio to plain node:http`, value: ratio, unit: "×", target: "≥ 0.15", ok: ratio >= 0.15 },
  ];
}

export async function benchLessonPage(duration: number): Promise<Figure[]> {
  const app: Child = await startChild("bench/app-child.ts");
  const base = `http://127.0.0.1:${app.port}`;
  try {
    const anonymousHtml = await (await fetch(base + LESSON_PATH)).text();
    const anonymous = await versusPlain("anonymous lesson page", base + LESSON_PATH, anonymousHtml, duration);
    const gzipped = await load(base + LESSON_PATH, { duration, headers: { "accept-encoding": "gzip, br" } });

    const users = await seedUsers(String(app.data.databaseUrl), 50);
    const signedInHtml = await (await fetch(base + LESSON_PATH, { headers: { cookie: users[0]!.cookie } })).text();
    if (!signedInHtml.includes("Mark as complete")) throw new Error("the signed-in page did not render as signed in");
    const signedIn = await versusPlain(
      "signed-in lesson page with progress",
      base + LESSON_PATH,
      signedInHtml,
      duration,
      (n) => ({ cookie: users[n % users.length]!.cookie }),
    );

    return [
      ...anonymous,
      {
        name: "anonymous lesson page as browsers ask (gzip/br): requests/s",
        value: gzipped.requestsPerSecond,
        unit: "req/s",
      },
      { name: "anonymous lesson page as browsers ask (gzip/br): p99", value: gzipped.p99, unit: "ms" },
      ...signedIn,
      ...(await pageWeight(base, anonymousHtml)),
    ];
  } finally {
    app.stop();
  }
}

/** Gzip bytes of the page and every same-origin script and stylesheet it loads. */
async function pageWeight(base: string, html: string): Promise<Figure[]> {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const foreign = [...html.matchAll(/\ssrc="((?:https?:)?\/\/[^"]+)"/g)].map((m) => m[1]!);
  let total = gzipSync(html).length;
  for (const ref of refs) total += gzipSync(Buffer.from(await (await fetch(base + ref)).arrayBuffer())).length;
  const kb = total / 1024;
  const fonts = /@font-face|\.woff2?|\.ttf/.test(html);
  return [
    {
      name: `lesson page first load, gzip (HTML + ${refs.length} CSS/JS files)`,
      value: kb,
      unit: "KB",
      target: "≤ 40 KB",
      ok: kb <= 40,
    },
    {
      name: "resources loaded from other origins",
      value: foreign.length,
      unit: "",
      target: "0",
      ok: foreign.length === 0,
    },
    { name: "web fonts", value: fonts ? 1 : 0, unit: "", target: "0", ok: !fonts },
  ];
}
