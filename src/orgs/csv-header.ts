// The header row of an enrolment file: which column holds what. Names are matched ignoring
// case, accents, spaces and punctuation ("E-mail", "Adresse électronique", "Full name"),
// in the languages our member organisations write in. The header is required: without it a
// file of two columns could be name,email or email,name, and guessing wrong enrols nobody.
//
// Unknown columns are refused rather than ignored: a "phone" column is harmless, but a
// "first name" column ignored next to "nom" would enrol everyone under their surname only.
// Columns with an empty header are allowed after the last named one (spreadsheets export
// trailing separators) as long as they stay empty (checked per row); between named columns
// they are refused, since whatever they hold would be silently dropped.
import { capIssues, excerpt, type Issue } from "./issues.js";

export type Columns = {
  email: number;
  name: number;
  language: number | null;
  /** The header as written, for messages that name a column. */
  titles: readonly string[];
  /** Index of the last named column + 1: a data row needs at least this many cells. */
  width: number;
};

type Field = "email" | "name" | "language";

const VARIANTS: Record<Field, readonly string[]> = {
  email: [
    "email",
    "e-mail",
    "mail",
    "email address",
    "e-mail address",
    "mail address",
    "courriel",
    "adresse courriel",
    "adresse e-mail",
    "adresse email",
    "adresse mail",
    "adresse électronique",
    "correo",
    "correo electrónico",
    "endereço de e-mail",
    "البريد الإلكتروني",
    "البريد",
  ],
  name: [
    "name",
    "full name",
    "nom",
    "nom complet",
    "prénom nom",
    "prénom et nom",
    "nom et prénom",
    "nombre",
    "nombre completo",
    "nome",
    "nome completo",
    "الاسم",
    "الاسم الكامل",
  ],
  language: ["language", "lang", "langue", "idioma", "língua", "lingua", "locale", "اللغة"],
};

/** Headers of a name split in two: refused with a message asking for one "name" column. */
const SPLIT_NAME = [
  "first name",
  "given name",
  "last name",
  "surname",
  "family name",
  "prénom",
  "nom de famille",
  "apellido",
  "apellidos",
  "sobrenome",
  "الاسم الأول",
  "اسم العائلة",
];

/** Lower case, no accents, letters and digits only: "Adresse E-mail " → "adresseemail". */
export function headerKey(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const FIELD_BY_KEY = new Map<string, Field>(
  (Object.keys(VARIANTS) as Field[]).flatMap((field) => VARIANTS[field].map((v) => [headerKey(v), field] as const)),
);
const SPLIT_KEYS = new Set(SPLIT_NAME.map(headerKey));

/** Spreadsheet column letters, which is how admins find a column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function readHeader(
  titles: readonly string[],
  line: number,
): { columns: Columns; issues: [] } | { columns: null; issues: Issue[] } {
  // An address in the first row means the header was left out.
  if (titles.some((t) => t.includes("@")))
    return { columns: null, issues: [{ key: "csv.header.missing", params: { line } }] };

  const found: Partial<Record<Field, number>> = {};
  const issues: Issue[] = [];
  let splitName = false;
  titles.forEach((title, index) => {
    const key = headerKey(title);
    if (key === "") return;
    const column = { column: excerpt(title), letter: columnLetter(index) };
    const field = FIELD_BY_KEY.get(key);
    if (field && found[field] === undefined) found[field] = index;
    else if (field) issues.push({ key: "csv.header.duplicateColumn", params: column });
    else if (SPLIT_KEYS.has(key)) {
      splitName = true;
      issues.push({ key: "csv.header.splitName", params: column });
    } else issues.push({ key: "csv.header.unknownColumn", params: column });
  });
  const listed = excerpt(titles.filter((t) => t.trim() !== "").join(", "), 200);
  if (found.email === undefined) issues.push({ key: "csv.header.missingEmail", params: { found: listed } });
  if (found.name === undefined && !splitName) issues.push({ key: "csv.header.missingName", params: { found: listed } });
  if (issues.length > 0 || found.email === undefined || found.name === undefined)
    return { columns: null, issues: capIssues(issues) };

  const language = found.language ?? null;
  const width = Math.max(found.email, found.name, language ?? 0) + 1;
  const untitled = titles.slice(0, width).flatMap((t, index) => (headerKey(t) === "" ? [index] : []));
  if (untitled.length > 0)
    return {
      columns: null,
      issues: capIssues(
        untitled.map((index) => ({ key: "csv.header.untitledColumn", params: { letter: columnLetter(index) } })),
      ),
    };
  return { columns: { email: found.email, name: found.name, language, titles, width }, issues: [] };
}
