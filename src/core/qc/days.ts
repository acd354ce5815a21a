// Study-day arithmetic (docs/architecture.md): Day 1 = first day of induction chemotherapy;
// time-to-event AVAL = date − start + 1 days; months = days / (365.25 / 12).

export const aval = (start: number, date: number): number => date - start + 1;

export const months = (days: number): number => days / (365.25 / 12);

export const monthsOrNull = (days: number | null): number | null => (days === null ? null : months(days));
