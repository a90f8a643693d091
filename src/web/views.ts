// eta as Express's view engine. eta 4 has no Express adapter: Express hands us an
// absolute path, eta wants a name relative to its views folder (STACK.md).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Eta } from "eta";
import type { Express } from "express";

export const VIEWS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../views");

export function createViewEngine({ cache }: { cache: boolean }): Eta {
  return new Eta({ views: VIEWS_DIR, cache, autoEscape: true, autoTrim: [false, "nl"] });
}

export function useViews(app: Express, eta: Eta): void {
  app.engine("eta", (filePath, options, callback) => {
    try {
      callback(null, eta.render(path.relative(VIEWS_DIR, filePath), options as object));
    } catch (error) {
      callback(error as Error);
    }
  });
  app.set("views", VIEWS_DIR);
  app.set("view engine", "eta");
}
