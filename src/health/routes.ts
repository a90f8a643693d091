// GET /healthz — 200 {"status":"ok"} once the catalog is loaded and the database answers.
import { Router } from "express";
import { pingDb } from "../db/client.js";
import type { AppDeps } from "../deps.js";

export function healthRoutes({ db, catalog }: AppDeps): Router {
  const router = Router();
  router.get("/healthz", async (_req, res) => {
    const database = await pingDb(db);
    const courses = catalog.current.courses.length;
    res.set("Cache-Control", "no-store");
    if (database) res.json({ status: "ok" });
    else res.status(503).json({ status: "unavailable", database, courses });
  });
  return router;
}
