// Headline numbers: one card per result, showing its display value (as the paper rounds),
// its label, and the population it is counted in.
import type {Result} from "../../core/results/lookup.js";

/** `value`: what the card shows, when not the result's display string (formatted from its stats by the core). */
export function headlines(items: {result: Result; label?: string; value?: string; href?: string}[], {derivation}: {derivation?: (result: Result) => Node} = {}): HTMLElement {
  const list = document.createElement("ul");
  list.className = "headlines";
  for (const {result, label, value: shown, href} of items) {
    const card = document.createElement("li");
    card.className = "headline";
    card.dataset.id = result.id;
    const value = document.createElement("span");
    value.className = "value";
    value.textContent = shown ?? result.display ?? "";
    const name = document.createElement(href ? "a" : "span");
    name.className = "label";
    name.textContent = label ?? result.label;
    if (href) name.setAttribute("href", href);
    const population = document.createElement("span");
    population.className = "population";
    population.textContent = result.denominator == null ? result.population : `${result.population} (N = ${result.denominator})`;
    card.append(value, name, population);
    if (derivation) card.append(derivation(result));
    list.append(card);
  }
  return list;
}
