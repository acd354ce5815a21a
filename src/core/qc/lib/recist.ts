// Best overall response per RECIST 1.1 with confirmation (Eisenhauer et al. 2009, sections 4.3–4.4):
// - Only assessments up to and including the first PD count (response after progression is not
//   a response to this treatment).
// - CR is confirmed by a CR at a later assessment ≥ 28 days after it; PR is confirmed by a PR or
//   CR ≥ 28 days after it.
// - Otherwise SD, if an assessment of SD (or an unconfirmed CR/PR, which RECIST counts as SD)
//   lies ≥ 42 days (the protocol's minimum SD duration, 6 weeks) after Day 1;
// - otherwise PD if there is a PD; otherwise NE (not evaluable).

export type Response = "CR" | "PR" | "SD" | "PD" | "NE";

export interface Assessment {
  /** Day number of the assessment. */
  date: number;
  response: string;
}

export const CONFIRMATION_DAYS = 28;
export const SD_MINIMUM_DAYS = 42;

const RANK: Record<string, number> = {CR: 4, PR: 3, SD: 2, PD: 1, NE: 0};

function untilFirstProgression(assessments: readonly Assessment[]): Assessment[] {
  const sorted = [...assessments].sort((a, b) => a.date - b.date);
  const pd = sorted.findIndex((a) => a.response === "PD");
  return pd < 0 ? sorted : sorted.slice(0, pd + 1);
}

function confirmed(assessments: readonly Assessment[], level: "CR" | "PR"): Assessment | undefined {
  return assessments.find(
    (a) =>
      a.response === level &&
      assessments.some((later) => later.date - a.date >= CONFIRMATION_DAYS && RANK[later.response] >= RANK[level]),
  );
}

export function bestOverallResponse(assessments: readonly Assessment[], day1: number): Response {
  const counted = untilFirstProgression(assessments);
  if (confirmed(counted, "CR")) return "CR";
  if (confirmed(counted, "PR")) return "PR";
  const stable = counted.some((a) => RANK[a.response] >= RANK.SD && a.date - day1 >= SD_MINIMUM_DAYS);
  if (stable) return "SD";
  return counted.some((a) => a.response === "PD") ? "PD" : "NE";
}

/** Date of the first documented response of these levels up to the first PD, if any. */
function firstDocumented(assessments: readonly Assessment[], levels: readonly string[]): number | null {
  const first = untilFirstProgression(assessments).find((a) => levels.includes(a.response));
  return first === undefined ? null : first.date;
}

/** Date of the first documented CR or PR (start of the duration of response), if any. */
export const firstResponseDate = (assessments: readonly Assessment[]) => firstDocumented(assessments, ["CR", "PR"]);

/** Date of the first documented CR, if any. */
export const firstCompleteResponseDate = (assessments: readonly Assessment[]) => firstDocumented(assessments, ["CR"]);
