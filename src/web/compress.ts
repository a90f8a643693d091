// gzip/brotli for clients that ask (every browser; pages shrink ~4× on slow links).
// The compression middleware wraps every response it sees, which costs ~18% of a page's
// server time even when the client asked for nothing; so it only sees those that asked.
import compression from "compression";
import type { RequestHandler } from "express";

export function compressWhenAccepted(): RequestHandler {
  const compress = compression();
  return (req, res, next) => (req.headers["accept-encoding"] ? compress(req, res, next) : next());
}
