// Security headers on every response. The CSP allows only our own scripts and styles —
// no inline script, no eval (so htmx's hx-on and js: values cannot run) — and nothing
// from any other origin: no CDN, fonts, analytics or embeds.
import type { RequestHandler } from "express";

export function securityHeaders({ https }: { https: boolean }): RequestHandler {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "media-src 'self'",
    "font-src 'none'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  // Built once; set in one call per response.
  const headers = new Map<string, string>([
    ["Content-Security-Policy", csp],
    ["Referrer-Policy", "no-referrer"],
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"],
    ...(https ? [["Strict-Transport-Security", "max-age=31536000; includeSubDomains"] as [string, string]] : []),
  ]);
  return (_req, res, next) => {
    res.setHeaders(headers);
    next();
  };
}
