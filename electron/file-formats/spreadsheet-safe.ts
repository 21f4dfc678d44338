/**
 * CSV injection ("formula injection", OWASP): Excel, LibreOffice and Google Sheets run a cell that
 * starts with = + - @ (or a tab or carriage return, which they skip before looking) as a formula, so a
 * Halo client named `=HYPERLINK(...)` would become a live link or a DDE command in the technician's
 * spreadsheet. OWASP's advice: prefix such a cell with a single quote, which the spreadsheet shows as
 * text, and quote the field (csv-stringify quotes fields that need it).
 *
 * Our own import takes the quote off again, so exporting and importing gives the same names back. A
 * name that really starts with a quote followed by one of these characters loses nothing either: the
 * export adds a quote only before a trigger, so it writes `''=x` for `'=x`, and the import strips one.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) || NEUTRALISED.test(cell) ? `'${cell}` : cell;
}

export function restoreFormula(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
