// Holds the current catalog. At start-up broken content is fatal (ContentError). In
// development the store watches the courses folder: a good edit replaces the catalog; a
// broken one keeps the last good catalog online and exposes the problems for the pages.
import fs from "node:fs";
import type { Catalog } from "./catalog.js";
import { loadCatalog } from "./loader/load-catalog.js";
import { ContentError, type Problem } from "./problems.js";

export class CatalogStore {
  private catalog: Catalog;
  /** Errors from the latest reload that failed; empty when the catalog is current. */
  problems: Problem[] = [];

  private constructor(
    readonly dir: string,
    catalog: Catalog,
  ) {
    this.catalog = catalog;
  }

  static load(dir: string): CatalogStore {
    const { catalog, problems } = loadCatalog(dir);
    if (!catalog) throw new ContentError(problems.filter((p) => p.severity === "error"));
    return new CatalogStore(dir, catalog);
  }

  /** A store over a catalog built elsewhere (tests, benchmarks). */
  static of(catalog: Catalog, dir = ""): CatalogStore {
    return new CatalogStore(dir, catalog);
  }

  get current(): Catalog {
    return this.catalog;
  }

  /** Rebuilds from disk; on errors keeps the last good catalog. Returns whether it changed. */
  reload(): boolean {
    const { catalog, problems } = loadCatalog(this.dir);
    this.problems = catalog ? [] : problems.filter((p) => p.severity === "error");
    if (catalog) this.catalog = catalog;
    return catalog !== null;
  }

  /** Reloads shortly after files change (editors write several times per save). */
  watch(onReload: (ok: boolean, problems: Problem[]) => void = () => {}): () => void {
    let timer: NodeJS.Timeout | undefined;
    const watcher = fs.watch(this.dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => onReload(this.reload(), this.problems), 150);
    });
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }
}
