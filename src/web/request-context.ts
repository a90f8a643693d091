// A request id for every request (echoed in X-Request-Id and on error pages, so a
// learner can quote it), and one log line per request: no IP, no user agent, no query,
// and the matched route rather than the path, which may hold a token (route-for-log.ts).
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "./log.js";
import { routeForLog } from "./route-for-log.js";
import { requestScope } from "./safety-net.js";

// Unique per process start + a counter: no random bytes per request on the hot path.
const prefix = randomBytes(3).toString("hex");
let counter = 0;

export function requestContext(log: Logger, { logRequests }: { logRequests: boolean }): RequestHandler {
  return (req, res, next) => {
    const requestId = `${prefix}${(counter++).toString(36).padStart(6, "0")}`;
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    if (logRequests) {
      const started = process.hrtime.bigint();
      res.on("finish", () => {
        if (req.path.startsWith("/static/")) return;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        log.info("request", {
          requestId,
          method: req.method,
          route: routeForLog(req),
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        });
      });
    }
    // Errors thrown later, outside Express's reach, still find this request (safety-net.ts).
    requestScope(requestId, req, res, next);
  };
}
