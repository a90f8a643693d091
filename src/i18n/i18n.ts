// UI text comes from JSON catalogs in ./locales, one per language. A message is a string
// with {placeholders}, or an object of plural forms chosen by Intl.PluralRules.
// Missing keys fall back to English, then to the key itself (a test keeps catalogs complete).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Messages = Record<string, string | Partial<Record<Intl.LDMLPluralRule, string>>>;
export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

export const DEFAULT_LOCALE = "en";
const localesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "locales");

function loadCatalogs(): Map<string, Messages> {
  const catalogs = new Map<string, Messages>();
  for (const file of fs
    .readdirSync(localesDir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    catalogs.set(
      path.basename(file, ".json"),
      JSON.parse(fs.readFileSync(path.join(localesDir, file), "utf8")) as Messages,
    );
  }
  return catalogs;
}

const catalogs = loadCatalogs();

export const SUPPORTED_LOCALES: readonly string[] = [...catalogs.keys()];

export function messagesFor(locale: string): Messages | undefined {
  return catalogs.get(locale);
}

export type Locale = {
  code: string;
  dir: "ltr" | "rtl";
  /** The language's own name for itself, e.g. "Français". */
  name: string;
  t: Translate;
  formatNumber(n: number): string;
  formatDate(d: Date): string;
  /** Date and time in UTC, labelled as such (we do not ask for anyone's time zone). */
  formatDateTime(d: Date): string;
};

const cache = new Map<string, Locale>();

export function getLocale(code: string): Locale {
  const known = catalogs.has(code) ? code : DEFAULT_LOCALE;
  let locale = cache.get(known);
  if (!locale) {
    locale = buildLocale(known);
    cache.set(known, locale);
  }
  return locale;
}

function buildLocale(code: string): Locale {
  const messages = catalogs.get(code) ?? {};
  const fallback = catalogs.get(DEFAULT_LOCALE) ?? {};
  const plurals = new Intl.PluralRules(code);
  const numbers = new Intl.NumberFormat(code);
  const dates = new Intl.DateTimeFormat(code, { dateStyle: "long", timeZone: "UTC" });
  const dateTimes = new Intl.DateTimeFormat(code, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const t: Translate = (key, params = {}) => {
    const message = messages[key] ?? fallback[key];
    if (message === undefined) return key;
    const template =
      typeof message === "string"
        ? message
        : (message[plurals.select(Number(params.count ?? 0))] ?? message.other ?? key);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numbers.format(value) : value;
    });
  };
  return {
    code,
    dir: directionOf(code),
    name: new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code,
    t,
    formatNumber: (n) => numbers.format(n),
    formatDate: (d) => dates.format(d),
    formatDateTime: (d) => `${dateTimes.format(d)} UTC`,
  };
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | undefined): string {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = Number(
        rest
          .find((r) => r.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0]!;
    if (catalogs.has(tag)) return tag;
    if (catalogs.has(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/** Which way a language is written, from the Unicode data Node ships (any code, not only ours). */
export function directionOf(code: string): "ltr" | "rtl" {
  try {
    const locale = new Intl.Locale(code) as Intl.Locale & {
      textInfo?: { direction: string };
      getTextInfo?: () => { direction: string };
    };
    return (locale.textInfo?.direction ?? locale.getTextInfo?.().direction) === "rtl" ? "rtl" : "ltr";
  } catch {
    return "ltr";
  }
}
