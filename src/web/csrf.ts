// Cross-site request forgery: every state-changing request must come from our own
// origin — `Sec-Fetch-Site: same-origin`, or an `Origin` equal to BASE_URL's. Anything
// else (another site, or no evidence at all) gets a clear 403 before any handler runs.
import type { RequestHandler } from "express";
import { HttpError } from "./errors.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function sameOriginOnly(baseUrl: string): RequestHandler {
  const origin = new URL(baseUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.get("Sec-Fetch-Site") === "same-origin" || req.get("Origin") === origin) return next();
    next(new HttpError(403, "error.csrf.message"));
  };
}
