// Study-day arithmetic (docs/architecture.md): Day 1 = first day of induction chemotherapy;
// time-to-event AVAL = date − start + 1 days; months = days / (365.25 / 12); ADaM relative days
// (the swimmer plot's) = date − Day 1 + 1 on or after Day 1, date − Day 1 before it (there is no day 0).

export const aval = (start: number, date: number): number => date - start + 1;

export const months = (days: number): number => days / (365.25 / 12);

export const monthsOrNull = (days: number | null): number | null => (days === null ? null : months(days));

export const studyDay = (day1: number, date: number): number => (date >= day1 ? date - day1 + 1 : date - day1);
