// Standalone SVG and PNG from figures drawn on the page. On the page, figures inherit the
// theme's colours (currentColor) and fonts; a saved file has no page around it, so the
// export writes the computed colours, font and background into the file.

const SVG_NS = "http://www.w3.org/2000/svg";

/** Stacks SVGs (a plot, its risk table, its legend…) under a title into one standalone SVG. */
export function composeSvg(parts: SVGSVGElement[], title: string): SVGSVGElement {
  const style = getComputedStyle(parts[0] ?? document.body);
  const background = pageBackground();
  const width = Math.max(...parts.map((svg) => svgSize(svg).width));
  const pad = 8;
  const titleHeight = 28;
  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("font-family", style.fontFamily || "sans-serif");
  out.setAttribute("font-size", "12");
  out.setAttribute("style", `color: ${style.color}; background: ${background}`);
  const rect = document.createElementNS(SVG_NS, "rect");
  rect.setAttribute("width", "100%");
  rect.setAttribute("height", "100%");
  rect.setAttribute("fill", background);
  const heading = document.createElementNS(SVG_NS, "text");
  heading.setAttribute("x", String(pad));
  heading.setAttribute("y", String(pad + 14));
  heading.setAttribute("font-size", "15");
  heading.setAttribute("font-weight", "bold");
  heading.setAttribute("fill", "currentColor");
  heading.textContent = title;
  out.append(rect, heading);
  let y = pad + titleHeight;
  for (const svg of parts) {
    const clone = svg.cloneNode(true) as SVGSVGElement;
    const {width: w, height: h} = svgSize(svg);
    clone.setAttribute("x", "0");
    clone.setAttribute("y", String(y));
    clone.setAttribute("width", String(w));
    clone.setAttribute("height", String(h));
    clone.setAttribute("overflow", "visible"); // markers and arrows at the edge stay whole
    clone.removeAttribute("style");
    out.append(clone);
    y += h + pad;
  }
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(y));
  out.setAttribute("viewBox", `0 0 ${width} ${y}`);
  return out;
}

function svgSize(svg: SVGSVGElement): {width: number; height: number} {
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

export function svgString(svg: SVGSVGElement): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}

/** Renders the SVG on a canvas (at twice its size, for print) and returns a PNG. */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const {width, height} = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svgString(svg)], {type: "image/svg+xml"}));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the figure could not be drawn as an image"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser has no 2D canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png")
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
