// GET /healthz — 200 {"status":"ok"} when the database can be written and is still the
// file the server opened; otherwise 503 with the reason (src/db/health.ts). The write
// probe's answer is reused for a second, so hammering /healthz costs next to nothing;
// the file check (one stat) runs every time.
import { Router } from "express";
import { checkDatabaseFile, type DatabaseHealth, probeDatabase } from "../db/health.js";
import type { AppDeps } from "../deps.js";

const REUSE_MS = 1000;

export function healthRoutes({ db, clock }: AppDeps): Router {
  const router = Router();
  let last: { at: number; health: Promise<DatabaseHealth> } | undefined;
  const current = () => {
    const file = checkDatabaseFile(db);
    if (!file.ok) return file;
    if (!last || performance.now() - last.at > REUSE_MS)
      last = { at: performance.now(), health: probeDatabase(db, clock.now()) };
    return last.health;
  };
  router.get("/healthz", async (_req, res) => {
    const database = await current();
    res.set("Cache-Control", "no-store");
    if (database.ok) res.json({ status: "ok" });
    else
      res
        .status(503)
        .set("Retry-After", "30")
        .json({ status: "unavailable", reason: database.reason, detail: database.detail });
  });
  return router;
}
