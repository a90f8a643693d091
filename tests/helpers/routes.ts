// Every route the app serves, read from Express's router, so matrix tests cover new
// routes without anyone remembering to add them.
import type { Express } from "express";

export type RouteInfo = { method: string; path: string };

type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

export function listRoutes(app: Express): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of ([] as string[]).concat(layer.route.path)) {
          for (const method of Object.keys(layer.route.methods)) routes.push({ method: method.toUpperCase(), path });
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes;
}

/** A concrete URL for a route pattern: parameters filled with the given values or placeholders. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/[:*](\w+)/g, (_m, name: string) => params[name] ?? `x-${name}`);
}
