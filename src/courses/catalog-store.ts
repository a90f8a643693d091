// Holds the current catalog. In production, broken content at start-up is fatal
// (ContentError). While editing (npm run dev) nothing in the content may stop the server:
// it starts with an empty catalog and the problems if the content is broken, a good edit
// replaces the catalog, and a broken one keeps the last good catalog online and exposes
// the problems for the pages (file:line) until the next save fixes them.
import type { Catalog } from "./catalog.js";
import { watchFolder } from "./folder-watch.js";
import { loadCatalog } from "./loader/load-catalog.js";
import { ContentError, type Problem } from "./problems.js";

const EMPTY_CATALOG: Catalog = { courses: [], courseById: new Map(), assets: new Map() };

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

  /** For editing: never throws; broken content gives an empty catalog and its problems. */
  static loadForEditing(dir: string): CatalogStore {
    const store = new CatalogStore(dir, EMPTY_CATALOG);
    store.reload();
    return store;
  }

  /** A store over a catalog built elsewhere (tests, benchmarks). */
  static of(catalog: Catalog, dir = ""): CatalogStore {
    return new CatalogStore(dir, catalog);
  }

  /** False while editing until the content has loaded once: the catalog is empty, not the last good one. */
  get hasGoodVersion(): boolean {
    return this.catalog !== EMPTY_CATALOG;
  }

  get current(): Catalog {
    return this.catalog;
  }

  /** Rebuilds from disk; on errors keeps the last good catalog. Returns whether it changed. */
  reload(): boolean {
    const { catalog, problems } = safeLoad(this.dir);
    this.problems = catalog ? [] : problems.filter((p) => p.severity === "error");
    if (catalog) this.catalog = catalog;
    return catalog !== null;
  }

  /** Reloads shortly after files change (editors write several times per save). */
  watch(onReload: (ok: boolean, problems: Problem[]) => void = () => {}): () => void {
    return watchFolder(this.dir, () => onReload(this.reload(), this.problems));
  }
}

/** The loader reports problems rather than throwing; this is the last line for a dev server. */
function safeLoad(dir: string): ReturnType<typeof loadCatalog> {
  try {
    return loadCatalog(dir);
  } catch (error) {
    const message = `internal error while loading the courses: ${String((error as Error)?.message ?? error).slice(0, 200)}`;
    return { catalog: null, problems: [{ file: dir, line: 1, col: 1, message, severity: "error" }] };
  }
}
