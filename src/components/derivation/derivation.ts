// "How this was derived": a disclosure next to a table, figure or headline number. For the selected value (a
// result, or one patient of a figure's rows: a bar, a lane) it shows the exact SQL file the build ran (highlighted,
// with the macros it calls and the ADaM derivations it reads), the independent QC and whether it agreed, the
// population and denominator, the input data's SHA-256, the counted and population patients, and the analysis
// dataset rows with the counted patients' rows highlighted. Values are selected from the list in the disclosure or
// by clicking (or Enter/Space on) a table cell or a mark of a figure wired with cells() / marks().
// The lineage, the SQL and the ADaM datasets are fetched only when a disclosure is first opened, and so are the
// re-run button (with DuckDB's loader, the catalog and the comparison) and the dataset table: a page's budget.
import type {Report} from "../../core/results/types.js";
import {content, itemKey, itemName, loadDerivations, scrollToFirstHit, type DerivationItem} from "./content.js";

export {itemKey, type DerivationItem};

export interface Derivation {
  element: HTMLDetailsElement;
  /** Shows the derivation of the item with this key (see itemKey) and opens the disclosure. */
  select(key: string): Promise<void>;
  /** Makes the value cell of each row with data-key="<result id>" in `root` a button selecting it; returns root. */
  cells<T extends Element>(root: T): T;
  /** Makes each element selectable (click, Enter, Space) for the item key(element) names; returns them. */
  marks(elements: Iterable<Element>, key: (element: Element) => string | null): void;
}

let serial = 0;

/** A factory of derivations for one page: `derive(items)` makes the disclosure for these items. */
export function derivations(report: Report) {
  return function derive(items: DerivationItem[]): Derivation {
    const id = `derivation-${++serial}`;
    const byKey = new Map(items.map((item) => [itemKey(item), item]));
    const triggers = new Map<string, Set<Element>>();
    let current = itemKey(items[0]!);
    let selected: string | null = null; // what the reader chose: marks drawn again keep showing it
    let rendered: string | null = null;

    const element = document.createElement("details");
    element.className = "derivation";
    element.id = id;
    const summary = document.createElement("summary");
    summary.textContent = "How this was derived";
    const body = document.createElement("div");
    body.className = "derivation-body";
    const output = document.createElement("div");
    output.className = "derivation-content";
    output.setAttribute("aria-live", "polite");
    let picker: HTMLSelectElement | undefined;
    if (items.length > 1) {
      const label = document.createElement("label");
      label.className = "derivation-pick";
      picker = document.createElement("select");
      for (const item of items) picker.append(new Option(itemName(item) + (item.result.display && item.patient === undefined ? ` (${item.result.display})` : ""), itemKey(item)));
      picker.addEventListener("change", () => void select(picker!.value));
      label.append("Value ", picker);
      body.append(label);
    }
    body.append(output);
    element.append(summary, body);

    async function render(): Promise<void> {
      if (!element.open || rendered === current) return;
      const key = current;
      rendered = key;
      output.dataset.state = "loading";
      output.textContent = "Loading the derivation…";
      try {
        const loaded = await loadDerivations();
        if (key !== current) return;
        const item = byKey.get(key)!;
        const entry = loaded.lineage.results.find((e) => e.id === item.result.id);
        if (!entry) throw new Error(`no lineage for result ${item.result.id}`);
        output.replaceChildren(content(item, entry, loaded, report));
        scrollToFirstHit(output);
        output.dataset.key = key;
        output.dataset.state = "ready";
      } catch (error) {
        rendered = null;
        output.textContent = `The derivation could not be loaded: ${(error as Error).message}`;
        output.dataset.state = "error";
      }
    }

    async function select(key: string): Promise<void> {
      if (!byKey.has(key)) throw new Error(`no derivation item ${key}`);
      current = selected = key;
      if (picker) picker.value = key;
      for (const [k, set] of triggers) {
        for (const trigger of set) {
          if (!trigger.isConnected) {
            set.delete(trigger); // a mark of a figure since drawn again
            continue;
          }
          trigger.setAttribute("aria-pressed", String(k === key));
          trigger.classList.toggle("lineage-selected", k === key);
        }
      }
      element.open = true;
      await render();
    }

    element.addEventListener("toggle", () => void render());

    function wire(trigger: Element, key: string, event = "click"): void {
      if (!byKey.has(key)) return;
      if (!triggers.has(key)) triggers.set(key, new Set());
      triggers.get(key)!.add(trigger);
      trigger.setAttribute("aria-controls", id);
      trigger.setAttribute("aria-pressed", String(key === selected));
      trigger.classList.toggle("lineage-selected", key === selected);
      trigger.addEventListener(event, () => void select(key));
    }

    return {
      element,
      select,
      cells(root) {
        for (const row of root.querySelectorAll<HTMLTableRowElement>("tbody tr[data-key]")) {
          const cell = row.querySelector("td");
          const key = row.dataset.key!;
          if (!cell || !byKey.has(key)) continue;
          const button = document.createElement("button");
          button.type = "button";
          button.className = "lineage-cell";
          button.textContent = cell.textContent || "–";
          button.title = "How this was derived";
          cell.replaceChildren(button);
          wire(button, key);
        }
        return root;
      },
      marks(elements, key) {
        for (const mark of elements) {
          const k = key(mark);
          if (k === null || !byKey.has(k)) continue;
          mark.setAttribute("tabindex", "0");
          mark.setAttribute("role", "button");
          mark.setAttribute("aria-label", `${itemName(byKey.get(k)!)}: how this was derived`);
          mark.classList.add("lineage-mark");
          mark.addEventListener("keydown", (event) => {
            const {key: pressed} = event as KeyboardEvent;
            if (pressed !== "Enter" && pressed !== " ") return;
            event.preventDefault();
            void select(k);
          });
          // Plot draws a sticky tip over the mark on pointerdown, so the click lands on the SVG, not the mark.
          wire(mark, k, "pointerdown");
        }
      }
    };
  };
}
