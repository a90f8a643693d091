// What a log line says about where a request went: the route pattern Express matched
// ("/join/:token", "/reset-password/:token"), never the path as sent. Paths carry secrets
// — invitation and password-reset tokens, join codes, certificate codes — and a token read
// from a log once let a stranger accept an organisation-admin invitation. Query strings are
// never logged. Course, module and lesson ids are public, and say which pages are read:
// they are filled in.
import type { Request } from "express";

const PUBLIC_PARAMS = new Set(["courseId", "moduleId", "lessonId"]);

/** The matched route with public ids filled in, or "(no route)" for a path nothing matched. */
export function routeForLog(req: Request): string {
  const path = (req.route as { path?: string | string[] } | undefined)?.path;
  if (path === undefined) return "(no route)";
  // A route may answer to several paths ("/did.json" and "/.well-known/did.json").
  const pattern = Array.isArray(path) ? (path.find((p) => p === req.path) ?? path.join(" | ")) : path;
  return `${req.baseUrl}${pattern}`.replace(/:(\w+)/g, (placeholder, name: string) => {
    const value = req.params?.[name];
    return PUBLIC_PARAMS.has(name) && typeof value === "string" && /^[\w-]+$/.test(value) ? value : placeholder;
  });
}
