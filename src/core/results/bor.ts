// Best overall response (RECIST 1.1): order, names and colours shared by every figure and table.
import type {BOR} from "./rows.js";

export const BOR_ORDER: readonly BOR[] = ["CR", "PR", "SD", "PD", "NE"];

export const BOR_NAME: Record<BOR, string> = {
  CR: "Complete response",
  PR: "Partial response",
  SD: "Stable disease",
  PD: "Progressive disease",
  NE: "Not evaluable"
};

// Mid-tone colours that keep their contrast on the light and the dark theme.
export const BOR_COLOR: Record<BOR, string> = {
  CR: "#3ca951",
  PR: "#4269d0",
  SD: "#efb118",
  PD: "#ff725c",
  NE: "#9498a0"
};

/** A Plot colour scale that maps BOR codes to their fixed colours (never inferred from values). */
export function borColorScale(present: readonly string[]) {
  const domain = BOR_ORDER.filter((b) => present.includes(b));
  return {domain, range: domain.map((b) => BOR_COLOR[b]), legend: false};
}
