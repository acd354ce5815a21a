// A swatch legend drawn as SVG, so that it travels with the figure into SVG and PNG downloads.
const SVG_NS = "http://www.w3.org/2000/svg";

export type LegendShape = "rect" | "circle" | "square" | "star" | "triangle" | "diamond" | "times" | "line" | "plus" | "arrow";

export interface LegendItem {
  label: string;
  color: string;
  shape: LegendShape;
}

// Paths centred on 0,0 within about ±5 px, close to Plot's symbols of the same names.
const PATHS: Record<Exclude<LegendShape, "rect" | "circle">, string> = {
  square: "M-4.5,-4.5H4.5V4.5H-4.5Z",
  star: "M0,-6L1.6,-2.1L5.7,-1.9L2.5,0.8L3.5,4.9L0,2.6L-3.5,4.9L-2.5,0.8L-5.7,-1.9L-1.6,-2.1Z",
  triangle: "M0,-5.5L5,3.5L-5,3.5Z",
  diamond: "M0,-6L4,0L0,6L-4,0Z",
  times: "M-4,-4L4,4M4,-4L-4,4",
  plus: "M-5,0H5M0,-5V5",
  line: "M-8,0H8",
  arrow: "M-8,0H6M2,-4L6,0L2,4"
};

function swatch(item: LegendItem): SVGElement {
  if (item.shape === "rect") {
    const rect = document.createElementNS(SVG_NS, "rect");
    Object.entries({x: -7, y: -5, width: 14, height: 10, fill: item.color}).forEach(([k, v]) => rect.setAttribute(k, String(v)));
    return rect;
  }
  if (item.shape === "circle") {
    const circle = document.createElementNS(SVG_NS, "circle");
    Object.entries({r: 4.5, fill: item.color, stroke: "currentColor"}).forEach(([k, v]) => circle.setAttribute(k, String(v)));
    return circle;
  }
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", PATHS[item.shape]);
  const stroked = item.shape === "times" || item.shape === "plus" || item.shape === "line" || item.shape === "arrow";
  path.setAttribute("fill", stroked ? "none" : item.color);
  path.setAttribute("stroke", stroked ? item.color : "currentColor");
  path.setAttribute("stroke-width", stroked ? "2" : "1");
  return path;
}

/** Legend items laid out left to right, wrapping at `width`. */
export function legend(items: LegendItem[], width: number, label = "Legend"): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${label}: ${items.map((item) => item.label).join(", ")}`);
  svg.setAttribute("font-size", "12");
  svg.setAttribute("font-family", "var(--sans-serif, sans-serif)");
  svg.style.color = "inherit";
  const rowHeight = 20;
  let x = 0;
  let y = rowHeight / 2;
  for (const item of items) {
    const itemWidth = 24 + item.label.length * 6.6 + 14; // approximate text width at 12 px
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowHeight;
    }
    const group = document.createElementNS(SVG_NS, "g");
    group.setAttribute("transform", `translate(${x + 10},${y})`);
    const text = document.createElementNS(SVG_NS, "text");
    text.setAttribute("x", "14");
    text.setAttribute("dy", "0.35em");
    text.setAttribute("fill", "currentColor");
    text.textContent = item.label;
    group.append(swatch(item), text);
    svg.append(group);
    x += itemWidth;
  }
  const height = y + rowHeight / 2;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return svg;
}
