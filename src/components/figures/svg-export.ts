// Standalone SVG from figures drawn on the page (as a PNG: png.ts). On the page, figures inherit the
// theme's colours (currentColor) and fonts; a saved file has no page around it, so the
// export writes the computed colours, font and background into the file.

const SVG_NS = "http://www.w3.org/2000/svg";

/** What a clinical figure shell prints around the drawing: title and caption above, footer lines below. */
export interface ExportText {
  title: string;
  caption: string;
  /** Notice, version and cut-off, source (src/components/page/identity.ts, footerLines). */
  footer: string[];
}

const PAD = 12;

/**
 * Stacks SVGs (a plot, its risk table, its legend…) into one standalone SVG under the title and caption, over the
 * footer lines. Each part gets room for all it draws, also what lies outside its own box (a label past the axis, an
 * arrow at the edge), so nothing is clipped; pointer tips are left out.
 */
export function composeSvg(parts: SVGSVGElement[], text: ExportText): SVGSVGElement {
  const style = getComputedStyle(parts[0] ?? document.body);
  const font = style.fontFamily || "sans-serif";
  const background = pageBackground();
  const boxes = parts.map(drawnBox);
  const width = Math.ceil(Math.max(320, ...boxes.map((b) => b.right - b.left)) + 2 * PAD);
  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("font-family", font);
  out.setAttribute("font-size", "12");
  out.setAttribute("style", `color: ${style.color}; background: ${background}`);
  const rect = document.createElementNS(SVG_NS, "rect");
  rect.setAttribute("width", "100%");
  rect.setAttribute("height", "100%");
  rect.setAttribute("fill", background);
  out.append(rect);
  let y = PAD;
  const lines = (className: string, content: string, size: number, weight = "normal") => {
    const group = document.createElementNS(SVG_NS, "g");
    group.setAttribute("class", className);
    for (const line of wrap(content, width - 2 * PAD, `${weight} ${size}px ${font}`)) {
      y += size * 1.3;
      const element = document.createElementNS(SVG_NS, "text");
      element.setAttribute("x", String(PAD));
      element.setAttribute("y", String(Math.round(y - size * 0.3)));
      element.setAttribute("font-size", String(size));
      if (weight !== "normal") element.setAttribute("font-weight", weight);
      element.setAttribute("fill", "currentColor");
      element.textContent = line;
      group.append(element);
    }
    out.append(group);
  };
  lines("export-title", text.title, 15, "bold");
  lines("export-caption", text.caption, 12);
  y += 8;
  for (const [i, svg] of parts.entries()) {
    const {left, top, bottom, width: w, height: h} = boxes[i]!;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    for (const tip of clone.querySelectorAll('g[aria-label="tip"]')) tip.remove();
    clone.setAttribute("x", String(PAD - left));
    clone.setAttribute("y", String(y - top));
    clone.setAttribute("width", String(w));
    clone.setAttribute("height", String(h));
    clone.setAttribute("overflow", "visible"); // what lies outside the part's own box stays drawn
    clone.removeAttribute("style");
    out.append(clone);
    y += bottom - top + 8;
  }
  y += 4;
  for (const line of text.footer) lines("export-footer", line, 10.5);
  y += PAD;
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(Math.ceil(y)));
  out.setAttribute("viewBox", `0 0 ${width} ${Math.ceil(y)}`);
  return out;
}

/** The part's own box, widened to everything it draws (in its user units, which Plot makes pixels). */
function drawnBox(svg: SVGSVGElement): {left: number; top: number; right: number; bottom: number; width: number; height: number} {
  const {width, height} = svgSize(svg);
  let drawn = {x: 0, y: 0, width, height};
  try {
    drawn = svg.getBBox();
  } catch {
    // not rendered (display: none): its own box is all we know
  }
  return {left: Math.min(0, drawn.x), top: Math.min(0, drawn.y), right: Math.max(width, drawn.x + drawn.width), bottom: Math.max(height, drawn.y + drawn.height), width, height};
}

/** Words in lines no wider than `width` in `font`. */
function wrap(text: string, width: number, font: string): string[] {
  const context = document.createElement("canvas").getContext("2d");
  if (context) context.font = font;
  const measure = (t: string) => context?.measureText(t).width ?? t.length * 7;
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

export function svgSize(svg: SVGSVGElement): {width: number; height: number} {
  const viewBox = svg.viewBox?.baseVal;
  const width = Number(svg.getAttribute("width")) || viewBox?.width || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute("height")) || viewBox?.height || svg.getBoundingClientRect().height;
  return {width, height};
}

/** The first opaque background colour up the page (the theme's), white if none. */
function pageBackground(): string {
  for (let element: Element | null = document.querySelector("main"); element; element = element.parentElement) {
    const color = getComputedStyle(element).backgroundColor;
    if (color && color !== "transparent" && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return "white";
}
