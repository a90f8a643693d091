// The process-level safety net: one request must never stop the server.
//
// Express catches what a handler throws or rejects, but not an error thrown later from a
// timer, a stream's 'error' event nobody listens to, or a promise nobody awaits: Node's
// default for those is to print and exit, taking every other visitor's request with it.
// Each request runs inside an AsyncLocalStorage scope (requestScope, called by
// request-context.ts), so such an error still knows its request:
// - it is logged with the request id and route — name, code and stack frames, never the
//   message, which may hold personal data;
// - that request is answered by the usual error handler (a 500 page with the request id),
//   or its connection closed if an answer had already begun;
// - the server keeps serving.
// Errors outside any request are logged and tolerated too, unless they keep coming
// (MAX_STRAY_ERRORS within a minute): then the process is likely broken beyond one request,
// and `onFatal` shuts it down for the supervisor to restart (docs/deploy.md).
import { AsyncLocalStorage } from "node:async_hooks";
import type { EventEmitter } from "node:events";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "./log.js";
import { routeForLog } from "./route-for-log.js";

type Scope = { requestId: string; req: Request; res: Response; next: NextFunction; failed: boolean };

const scopes = new AsyncLocalStorage<Scope>();

/** Runs the rest of this request's handling inside its scope. */
export function requestScope(requestId: string, req: Request, res: Response, next: NextFunction): void {
  scopes.run({ requestId, req, res, next, failed: false }, next);
}

export const MAX_STRAY_ERRORS = 10;
const STRAY_WINDOW_MS = 60_000;

export function installSafetyNet(
  proc: Pick<EventEmitter, "on">,
  log: Logger,
  { onFatal, now = Date.now }: { onFatal: () => void; now?: () => number },
): void {
  let stray: number[] = [];
  let stopping = false;
  const handle = (kind: string) => (error: unknown) => {
    const scope = scopes.getStore();
    log.error(kind, {
      requestId: scope?.requestId,
      route: scope ? routeForLog(scope.req) : undefined,
      ...describeError(error),
    });
    if (scope) return answer(scope, error);
    stray = [...stray.filter((t) => now() - t < STRAY_WINDOW_MS), now()];
    if (stray.length >= MAX_STRAY_ERRORS && !stopping) {
      stopping = true;
      log.error("errors outside any request keep coming; stopping for the supervisor to restart");
      onFatal();
    }
  };
  proc.on("uncaughtException", handle("uncaught exception"));
  proc.on("unhandledRejection", handle("unhandled rejection"));
}

/** The failing request gets the 500 page once; if its answer had begun, it is cut short. */
function answer(scope: Scope, error: unknown): void {
  if (scope.failed) return;
  scope.failed = true;
  if (scope.res.headersSent) scope.res.destroy();
  else scope.next(error instanceof Error ? error : new Error("non-error thrown"));
}

function describeError(error: unknown): Record<string, unknown> {
  const e = error as (Error & { code?: unknown }) | undefined;
  return {
    error: e instanceof Error ? e.name : typeof error,
    code: typeof e?.code === "string" ? e.code : undefined,
    stack: e?.stack
      ?.split("\n")
      .slice(1, 12)
      .map((l) => l.trim()),
  };
}
