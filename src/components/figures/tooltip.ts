// One tooltip for a whole Plot figure: at most one shows, and leaving the figure or pressing Escape dismisses it
// (also one pinned by a click).

/** Dismisses the figure's tooltip when the pointer leaves it (also one pinned by a click) or on Escape. */
export function dismissible(svg: SVGSVGElement): void {
  const shown = () => svg.querySelector("[aria-label=tip] text") !== null;
  // Plot's pointer keeps a pinned tooltip on leaving; a pointerdown outside its tip unpins and clears it.
  svg.addEventListener("pointerleave", () => {
    if (shown()) svg.dispatchEvent(new PointerEvent("pointerdown", {pointerType: "mouse"}));
  });
  const onKey = (event: KeyboardEvent) => {
    if (!svg.isConnected) return document.removeEventListener("keydown", onKey); // a redrawn figure's old plot
    if (event.key === "Escape" && shown()) svg.dispatchEvent(new PointerEvent("pointerleave", {pointerType: "mouse"}));
  };
  document.addEventListener("keydown", onKey);
}
