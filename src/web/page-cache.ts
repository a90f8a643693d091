// Course pages look the same to every visitor who is not signed in: a lesson read by a
// thousand people is rendered once per language and then served from memory, with its
// ETag, until the courses change. Routes opt in with `shareable(res)`; only plain GETs
// (no query string, no htmx) from anonymous visitors are cached, so nothing personal or
// request-specific can be stored. Off in development, where templates reload.
import type { RequestHandler, Response } from "express";
import type { Catalog } from "../courses/catalog.js";
import type { CatalogStore } from "../courses/catalog-store.js";
import { COURSE_LANGUAGE_COOKIE } from "../courses/translations/content-language.js";
import { isHtmx } from "./htmx.js";
import { readCookie } from "./locale.js";

type Page = { body: string; etag: string | undefined };

/** Marks this response as the same for every anonymous visitor (course content). */
export function shareable(res: Response): void {
  res.locals.shareable = true;
}

export function anonymousPageCache(catalog: CatalogStore, { enabled = true, maxPages = 1000 } = {}): RequestHandler {
  const pages = new Map<string, Page>();
  let cachedFor: { catalog: Catalog; problems: unknown } | undefined;
  return (req, res, next) => {
    if (
      !enabled ||
      req.method !== "GET" ||
      res.locals.user !== undefined ||
      req.originalUrl.includes("?") ||
      isHtmx(req)
    )
      return next();
    // A reload makes every cached page stale: a new catalog, or new problems to show.
    if (cachedFor?.catalog !== catalog.current || cachedFor.problems !== catalog.problems) {
      pages.clear();
      cachedFor = { catalog: catalog.current, problems: catalog.problems };
    }
    // The same path differs by interface language, by the course languages chosen, and by
    // discreet mode (it changes the tab title).
    const key = `${res.locals.locale.code} ${readCookie(req.headers.cookie, COURSE_LANGUAGE_COOKIE) ?? ""} ${res.locals.discreet ? "discreet" : "plain"} ${req.path}`;
    const hit = pages.get(key);
    if (hit) {
      res.type("html");
      if (hit.etag) res.set("ETag", hit.etag);
      if (hit.etag && req.fresh) return void res.status(304).end();
      return void res.send(hit.body);
    }
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const result = send(body);
      if (res.locals.shareable && res.statusCode === 200 && typeof body === "string") {
        if (pages.size >= maxPages) pages.delete(pages.keys().next().value!);
        pages.set(key, { body, etag: res.get("ETag") });
      }
      return result;
    };
    next();
  };
}
