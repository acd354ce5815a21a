// Names each mark's patient on the drawing (data-usubjid), so that a derivation can make the mark selectable.
import type {RenderFunction} from "@observablehq/plot";

/** A Plot render transform for a mark drawn from `rows`: sets data-usubjid on each drawn element. */
export function tagPatients(rows: readonly {USUBJID: number}[], selector: string): RenderFunction {
  return function (index, scales, values, dimensions, context, next) {
    const g = next!(index, scales, values, dimensions, context)!;
    g.querySelectorAll(selector).forEach((element, j) => element.setAttribute("data-usubjid", String(rows[index[j]!]!.USUBJID)));
    return g;
  };
}
