// Checks on the cells of one enrolment row. Each returns the clean value or the Issue that
// explains, in the admin's terms, why the row cannot be imported.
import * as z from "zod";
import { looksLikeFormula } from "./csv-formula.js";
import { excerpt, type Issue } from "./issues.js";

export const NAME_MAX_LENGTH = 200;

type Checked<T> = { value: T; issue?: undefined } | { value?: undefined; issue: Issue };

// The same rule as the account forms (src/auth/schemas.ts), so an imported address is one
// the learner could also have typed when registering or changing their email.
const emailRule = z.string().max(254).pipe(z.email());

/**
 * A cell that a spreadsheet would run as a formula is refused, not cleaned: no real name,
 * address or language code starts with = + - @, so such a cell is a mistake or an attack,
 * and quietly removing the character would import something nobody typed.
 */
export function checkFormula(cell: string, line: number, column: string): Issue | undefined {
  return looksLikeFormula(cell)
    ? { key: "csv.row.formula", params: { line, column, value: excerpt(cell, 40) } }
    : undefined;
}

export function checkEmail(cell: string, line: number): Checked<string> {
  const email = cell.trim().toLowerCase();
  if (email === "") return { issue: { key: "csv.row.emailMissing", params: { line } } };
  if (!emailRule.safeParse(email).success)
    return { issue: { key: "csv.row.emailInvalid", params: { line, email: excerpt(cell.trim()) } } };
  return { value: email };
}

// C0/C1 controls and the bidirectional embeddings, overrides and isolates, which can make a
// name display as something else ("Trojan Source"). The plain marks LRM/RLM/ALM stay allowed:
// Arabic names pasted from documents often carry them.
const INVALID_IN_NAME = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** Whitespace runs, line breaks included (quoted cells may hold them), become single spaces. */
export function checkName(cell: string, line: number, maxLength = NAME_MAX_LENGTH): Checked<string> {
  if (INVALID_IN_NAME.test(cell.replace(/[\t\n\r]/g, " ")))
    return { issue: { key: "csv.row.nameInvalidCharacters", params: { line } } };
  const name = cell.replace(/\s+/gu, " ").trim();
  if (name === "") return { issue: { key: "csv.row.nameMissing", params: { line } } };
  const length = [...name].length; // characters as people count them, not UTF-16 units
  if (length > maxLength) return { issue: { key: "csv.row.nameTooLong", params: { line, length, max: maxLength } } };
  return { value: name };
}

/**
 * Language cells match a code of `languages` ignoring case and "_" vs "-" ("FR", "pt_BR"),
 * or that language's name in English, in itself, or in any other offered language
 * ("French", "Français", "francés"), since admins type what their spreadsheet shows.
 */
export type LanguageCheck = (cell: string, line: number) => Checked<string | null>;

export function languageMatcher(languages: readonly string[]): LanguageCheck {
  const byKey = new Map<string, string>();
  for (const code of languages) byKey.set(languageKey(code), code);
  for (const code of languages) {
    for (const display of ["en", code, ...languages]) {
      const name = displayName(display, code);
      if (name && !byKey.has(languageKey(name))) byKey.set(languageKey(name), code);
    }
  }
  const accepted = languages.join(", ");
  return (cell, line) => {
    const text = cell.trim();
    if (text === "") return { value: null };
    const code = byKey.get(languageKey(text));
    if (code) return { value: code };
    return {
      issue: { key: "csv.row.languageUnknown", params: { line, language: excerpt(text, 40), languages: accepted } },
    };
  };
}

function languageKey(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("_", "-").trim();
}

function displayName(inLocale: string, code: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([inLocale], { type: "language", fallback: "none" }).of(code);
    return name ?? undefined;
  } catch {
    return undefined; // not a well-formed language tag: only the code itself matches
  }
}
