// A figure of the report: title and description in a <figcaption>, the drawing (one or more
// SVGs: plot, risk table, legend), and downloads of the drawing as one SVG or PNG (with the title, caption and the
// report's footer lines, as a figure shell carries them) plus the data behind it as CSV.
import {csvButton, downloadBar, downloadButton} from "../page/download.js";
import {slug} from "../page/text.js";
import {footerLines} from "../page/identity.js";
import {pngBlob, svgString} from "./png.js";
import {composeSvg} from "./svg-export.js";

export interface FigureSpec {
  title: string;
  description: string;
  /** The drawing, top to bottom; every SVG part goes into the SVG and PNG downloads. */
  parts: Element[];
  /** Rows behind the figure, offered as CSV (a loader: fetched on the click). */
  data?: readonly Record<string, unknown>[] | (() => Promise<readonly Record<string, unknown>[]>);
  /** Download base name; defaults to a slug of the title. */
  filename?: string;
  /** Notes under the drawing (e.g. "showing 50 of 200 patients"). */
  notes?: (string | Node)[];
}

export function figure(spec: FigureSpec): HTMLElement {
  const base = spec.filename ?? slug(spec.title);
  const element = document.createElement("figure");
  element.className = "report-figure";
  const caption = document.createElement("figcaption");
  const title = document.createElement("strong");
  title.textContent = spec.title;
  const description = document.createElement("span");
  description.className = "description";
  description.textContent = " " + spec.description;
  caption.append(title, description);
  const drawing = document.createElement("div");
  drawing.className = "drawing";
  drawing.append(...spec.parts);
  // Plot names each mark's <g> with aria-label; a name needs a role to be announced (axe).
  for (const group of drawing.querySelectorAll("svg g[aria-label]:not([role])")) group.setAttribute("role", "group");
  element.append(caption, drawing);
  for (const note of spec.notes ?? []) {
    const p = document.createElement("p");
    p.className = "figure-note";
    p.append(note);
    element.append(p);
  }
  const svgs = () => spec.parts.flatMap((part) => (part instanceof SVGSVGElement ? [part] : [...part.querySelectorAll<SVGSVGElement>(":scope > svg")]));
  const exported = () => composeSvg(svgs(), {title: spec.title, caption: spec.description, footer: footerLines()});
  const buttons = [
    downloadButton("SVG", `${base}.svg`, () => new Blob([svgString(exported())], {type: "image/svg+xml"})),
    downloadButton("PNG", `${base}.png`, () => pngBlob(exported()))
  ];
  if (spec.data) buttons.push(csvButton(spec.data, `${base}.csv`));
  element.append(downloadBar(...buttons));
  return element;
}
