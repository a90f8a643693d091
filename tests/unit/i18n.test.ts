import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getLocale, messagesFor, negotiateLocale, SUPPORTED_LOCALES } from "../../src/i18n/i18n.js";

describe("message catalogs", () => {
  it("fill in placeholders and choose plural forms", () => {
    const { t } = getLocale("en");
    expect(t("course.moduleCount", { count: 1 })).toBe("1 module");
    expect(t("course.moduleCount", { count: 7 })).toBe("7 modules");
    expect(t("module.position", { position: 2, total: 7 })).toBe("Module 2 of 7");
  });

  it("fall back to the key when a message is missing", () => {
    expect(getLocale("en").t("no.such.key")).toBe("no.such.key");
  });

  it("every key used in views and source exists in the English catalog", () => {
    const english = messagesFor("en")!;
    const used = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile() || !/\.(eta|ts)$/.test(entry.name)) continue;
        const text = fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8");
        // Dynamic keys ("quiz.type." + type) end with a dot and are checked separately.
        for (const m of text.matchAll(/\bt\(\s*["']([a-zA-Z0-9_.-]*[a-zA-Z0-9_-])["']/g)) used.add(m[1]!);
        for (const m of text.matchAll(/(?:messageKey|Key)\s*[:=]\s*["']([a-zA-Z0-9_.-]+\.[a-zA-Z0-9_.-]+)["']/g))
          used.add(m[1]!);
      }
    };
    scan("views");
    scan("src");
    for (const type of [
      "single_choice",
      "multiple_choice",
      "true_false",
      "short_text",
      "numeric",
      "matching",
      "ordering",
    ])
      used.add(`quiz.type.${type}`);
    for (const kind of ["note", "tip", "warning", "key-point", "host"]) used.add(`callout.${kind}`);
    for (const status of [400, 403, 404, 409, 410, 413, 429, 500]) used.add(`error.${status}.title`);
    const missing = [...used].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });

  it("every other language has exactly the English keys and the same placeholders", () => {
    const english = messagesFor("en")!;
    for (const code of SUPPORTED_LOCALES.filter((c) => c !== "en")) {
      const other = messagesFor(code)!;
      expect(Object.keys(other).sort(), code).toEqual(Object.keys(english).sort());
      for (const [key, value] of Object.entries(english)) {
        const placeholders = (v: unknown) => [...new Set(JSON.stringify(v).match(/\{\w+\}/g) ?? [])].sort();
        expect(placeholders(other[key]), `${code} ${key}`).toEqual(placeholders(value));
      }
    }
  });
});

describe("language negotiation", () => {
  it("picks the best supported language from Accept-Language, else English", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("de-DE,de;q=0.9")).toBe("en");
    expect(negotiateLocale("en-GB,en;q=0.8")).toBe("en");
  });

  it("knows which languages are written right to left", () => {
    expect(getLocale("en").dir).toBe("ltr");
  });
});
