// Dates as the paper prints them ("April 1st 2023") and as the report stores them (ISO 8601).
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december"];

/** "April 1st 2023" → "2023-04-01"; null if it does not read as a day, month and year. */
export function parsePrintedDate(printed: string): string | null {
  const m = /^([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(printed.trim());
  const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) + 1 : 0;
  if (!m || month === 0 || Number(m[2]) < 1 || Number(m[2]) > 31) return null;
  return `${m[3]}-${String(month).padStart(2, "0")}-${m[2]!.padStart(2, "0")}`;
}

/** "2023-04-01" → "April 1st 2023", the paper's way. */
export function printDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const suffix = day % 10 === 1 && day !== 11 ? "st" : day % 10 === 2 && day !== 12 ? "nd" : day % 10 === 3 && day !== 13 ? "rd" : "th";
  const name = MONTHS[month - 1]!;
  return `${name[0]!.toUpperCase()}${name.slice(1)} ${day}${suffix} ${year}`;
}
