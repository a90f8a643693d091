// Real browser tests: Debian's Chromium driven by playwright-core (never a downloaded
// browser), against the app listening on a random loopback port.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { createTestContext, type TestContext } from "./context.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type ServedContext = TestContext & { baseUrl: string };

/** Extras for tests that need the served address: env values built from it, and extra
 *  pages on the same server (e.g. a neutral page for Quick exit), answered before the app. */
export type ServeExtras = {
  env?: (baseUrl: string) => Record<string, string>;
  pages?: Record<string, string>;
};

/** A test context whose BASE_URL is the real address it listens on (origin checks need it). */
export async function serveTestContext(
  options: Parameters<typeof createTestContext>[0] = {},
  extras: ServeExtras = {},
): Promise<ServedContext> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ctx = await createTestContext({
    ...options,
    env: { BASE_URL: baseUrl, ...options.env, ...extras.env?.(baseUrl) },
  });
  server.on("request", (req, res) => {
    const page = extras.pages?.[req.url ?? ""];
    if (page === undefined) return ctx.app(req, res);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page);
  });
  return {
    ...ctx,
    baseUrl,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.close();
    },
  };
}

/** WCAG 2.2 A/AA violations on the current page, as short readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export type BrowserTests = { ctx: ServedContext; browser: Browser };

/** A served app and a Chromium for one test file (in beforeAll). */
export async function startBrowserTests(
  options: Parameters<typeof createTestContext>[0] = {},
  extras: ServeExtras = {},
): Promise<BrowserTests> {
  return { ctx: await serveTestContext(options, extras), browser: await launchBrowser() };
}

/** Closes what startBrowserTests opened (in afterAll), even if it only half started. */
export async function stopBrowserTests({ ctx, browser }: Partial<BrowserTests>): Promise<void> {
  await browser?.close();
  await ctx?.close();
}
