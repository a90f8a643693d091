// ETags let a returning visitor's browser get "304 Not Modified" instead of the page again
// — worth having on slow, metered links. Only anonymous pages get one: pages for a
// signed-in person are `no-store`, so hashing them (tens of µs each) would be wasted.
import { createHash } from "node:crypto";
import type { RequestHandler } from "express";

export const etagForCacheablePages: RequestHandler = (req, res, next) => {
  if (req.method !== "GET" && req.method !== "HEAD") return next();
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (
      res.statusCode === 200 &&
      res.locals.user === undefined &&
      (typeof body === "string" || Buffer.isBuffer(body)) &&
      !res.get("ETag")
    ) {
      const etag = `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 27)}"`;
      res.set("ETag", etag);
      if (req.fresh) {
        res.status(304);
        return send("");
      }
    }
    return send(body);
  };
  next();
};
