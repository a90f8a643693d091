// htmx requests get the same partial the full page includes; responses vary on it.
import type { Request, Response } from "express";

export function isHtmx(req: Request): boolean {
  return req.get("HX-Request") === "true" && req.get("HX-History-Restore-Request") !== "true";
}

export function varyOnHtmx(res: Response): void {
  res.vary("HX-Request");
}
