// A request id for every request (echoed in X-Request-Id and on error pages, so a
// learner can quote it), and one log line per request: no IP, no user agent, no query.
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "./log.js";

export function requestContext(log: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = randomBytes(6).toString("hex");
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      if (req.path.startsWith("/static/")) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info("request", { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  };
}
