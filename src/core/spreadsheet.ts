// CSV cells for spreadsheets (OWASP, CSV injection): a text cell that starts with = + - @ TAB or CR would run as a
// formula when the file is opened in Excel or LibreOffice, so it is written with a leading apostrophe, which they
// show as text. A text cell that already starts with an apostrophe gets one more, so that plainCell reads every
// cell back exactly. Numbers are never passed here (-3 is a number, not a formula). The published ADaM CSVs follow
// the same rule in SQL (spreadsheet_text in src/sql/export/adam_csv.sql).
const STARTS_A_FORMULA = /^[=+\-@\t\r']/;

/** The text as a CSV cell a spreadsheet shows as text. */
export const spreadsheetCell = (text: string): string => (STARTS_A_FORMULA.test(text) ? `'${text}` : text);

/** The text a spreadsheetCell was made from. */
export const plainCell = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell);
