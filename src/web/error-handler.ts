// The one place errors become responses: a friendly page (or an htmx fragment) in the
// learner's language with the request id — never a stack trace. Unexpected errors are
// logged with the request id and stack frames, without the message (it may hold data).
// Database faults (full disk, read-only or missing file, connection busy) are not bugs:
// 503 with Retry-After, logged as a warning with the SQLite code (src/db/faults.ts).
import type { ErrorRequestHandler, RequestHandler } from "express";
import { databaseFault } from "../db/faults.js";
import type { Locale } from "../i18n/i18n.js";
import { HttpError, notFound } from "./errors.js";
import { isHtmx } from "./htmx.js";
import type { Logger } from "./log.js";
import { routeForLog } from "./route-for-log.js";
import { applyRequestLocals } from "./view-locals.js";

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(notFound());

type BodyParserError = Error & { status?: number };

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const { status, key, params, headers } = describe(err);
    const fault = databaseFault(err);
    if (fault) {
      log.warn("database unavailable", {
        requestId: res.locals.requestId,
        method: req.method,
        path: req.path,
        reason: fault.reason,
        code: fault.code,
      });
    } else if (status >= 500) {
      const e = err as Error & { code?: unknown };
      log.error("unhandled error", {
        requestId: res.locals.requestId,
        method: req.method,
        route: routeForLog(req),
        error: e?.name ?? typeof err,
        code: typeof e?.code === "string" ? e.code : undefined,
        stack: e?.stack
          ?.split("\n")
          .slice(1, 12)
          .map((l) => l.trim()),
      });
    }
    applyRequestLocals(req, res);
    const locale = res.locals.locale as Locale;
    res.status(status).set(headers).set("Cache-Control", "no-store");
    const data = {
      status,
      title: locale.t(`error.${status}.title`),
      message: locale.t(key, params),
      requestId: res.locals.requestId,
    };
    res.render(isHtmx(req) ? "errors/_message" : "errors/error", data, (renderError, html) => {
      if (!renderError) return void res.send(html);
      // Even if the error page cannot be drawn, never show a stack trace.
      log.error("error page failed", { requestId: res.locals.requestId, error: renderError.name });
      res
        .type("html")
        .send(
          `<!doctype html><title>${status}</title><h1>${escapeHtml(data.title)}</h1><p>${escapeHtml(data.message)}</p>`,
        );
    });
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function describe(err: unknown): {
  status: number;
  key: string;
  params: Record<string, string | number>;
  headers: Record<string, string>;
} {
  if (err instanceof HttpError)
    return { status: err.status, key: err.messageKey, params: err.params, headers: err.headers };
  const fault = databaseFault(err);
  if (fault)
    return {
      status: 503,
      key: "error.503.message",
      params: {},
      // A busy connection frees up in seconds; a full disk or a lost file needs someone.
      headers: { "Retry-After": fault.reason === "busy" ? "5" : "30" },
    };
  // Express's body parsers mark what the client got wrong with a 4xx `status` (as
  // http-errors does): too large (413), an unsupported charset or compression (415),
  // unreadable, cut off or badly compressed (400). Anything else stays a 500.
  const status = (err as BodyParserError | null)?.status;
  if (status === 404) return { status: 404, key: "error.404.message", params: {}, headers: {} };
  if (status === 413) return { status: 413, key: "error.413.message", params: {}, headers: {} };
  if (status === 415) return { status: 415, key: "error.415.message", params: {}, headers: {} };
  if (typeof status === "number" && status >= 400 && status < 500)
    return { status: 400, key: "error.400.message", params: {}, headers: {} };
  return { status: 500, key: "error.500.message", params: {}, headers: {} };
}
