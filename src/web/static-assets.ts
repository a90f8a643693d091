// Our CSS/JS and the vendored htmx, served from this origin with far-future caching.
// URLs carry a content hash (?v=…) so a deploy never serves a stale file.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Router } from "express";

export const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../public");
const require = createRequire(import.meta.url);
const htmxPackage = require.resolve("htmx.org/package.json");
const HTMX_VERSION = (JSON.parse(fs.readFileSync(htmxPackage, "utf8")) as { version: string }).version;
const HTMX_FILE = path.join(path.dirname(htmxPackage), "dist/htmx.min.js");

export const HTMX_URL = `/static/vendor/htmx-${HTMX_VERSION}.min.js`;

const hashes = new Map<string, string>();

/** The URL of a file in public/, with its content hash. */
export function assetUrl(relative: string): string {
  let hash = hashes.get(relative);
  if (!hash) {
    hash = createHash("sha256")
      .update(fs.readFileSync(path.join(PUBLIC_DIR, relative)))
      .digest("hex")
      .slice(0, 10);
    hashes.set(relative, hash);
  }
  return `/static/${relative}?v=${hash}`;
}

export function staticRoutes({ cacheHashes }: { cacheHashes: boolean }): Router {
  if (!cacheHashes) hashes.clear();
  const router = express.Router();
  const longCache = { maxAge: "365d", immutable: true, index: false, fallthrough: true } as const;
  router.get(HTMX_URL, (_req, res) => res.sendFile(HTMX_FILE, longCache));
  router.use("/static", express.static(PUBLIC_DIR, cacheHashes ? longCache : { index: false }));
  router.get("/favicon.ico", (_req, res) =>
    res.type("image/svg+xml").sendFile(path.join(PUBLIC_DIR, "favicon.svg"), longCache),
  );
  return router;
}
