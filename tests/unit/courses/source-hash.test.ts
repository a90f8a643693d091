import { describe, expect, it } from "vitest";
import { sourceHash } from "../../../src/courses/translations/source-hash.js";

describe("the source hash a translation records", () => {
  it("is 12 hex digits that change when the source changes", () => {
    expect(sourceHash("# Title\n\nText.\n")).toMatch(/^[0-9a-f]{12}$/);
    expect(sourceHash("# Title\n\nText.\n")).not.toBe(sourceHash("# Title\n\nText!\n"));
  });

  it("ignores line endings and a byte-order mark", () => {
    expect(sourceHash("\uFEFFa\r\nb\rc\n")).toBe(sourceHash("a\nb\nc\n"));
  });
});
