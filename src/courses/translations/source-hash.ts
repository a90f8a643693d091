import { createHash } from "node:crypto";

/**
 * Which version of a source file a translation translates: the first 12 hex digits of the
 * SHA-256 of the source, with a byte-order mark removed and line endings made `\n` (so an
 * editor's settings do not make every translation look stale). Stored in the translation as
 * a quoted string: `source_hash: "8e4694664627"` (unquoted, YAML would read some as numbers).
 */
export function sourceHash(source: string): string {
  const normalised = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return createHash("sha256").update(normalised, "utf8").digest("hex").slice(0, 12);
}
