// "How this was derived": a disclosure next to a table, figure or headline number. For the selected value (a
// result, or one patient of a figure's rows: a bar, a lane) it shows the exact SQL file the build ran (highlighted,
// with the macros it calls and the ADaM derivations it reads), the independent QC and whether it agreed, the
// population and denominator, the input data's SHA-256, the counted and population patients, and the analysis
// dataset rows with the counted patients' rows highlighted. Values are selected from the list in the disclosure or
// by clicking (or Enter/Space on) a table cell or a mark of a figure wired with cells() / marks().
// The lineage, the SQL and the ADaM datasets are fetched only when a disclosure is first opened, and so are the
// re-run button (with DuckDB's loader, the catalog and the comparison) and the dataset table: a page's budget.
import type {Lineage, LineageEntry} from "../core/lineage/types.js";
import type {Result} from "../core/results/lookup.js";
import type {KMRow} from "../core/results/rows.js";
import type {Report} from "../core/results/types.js";
import {patientList} from "./format.js";
import {adamCsv, lineage, shippedSql, type SqlFile} from "./shipped.js";
import {sqlBlock} from "./sql-highlight.js";

export interface DerivationItem {
  result: Result;
  /** One patient of the result's rows (a waterfall bar, a swimmer lane): the derivation of that mark. */
  patient?: number;
}

export interface Derivation {
  element: HTMLDetailsElement;
  /** Shows the derivation of the item with this key (see itemKey) and opens the disclosure. */
  select(key: string): Promise<void>;
  /** Makes the value cell of each row with data-key="<result id>" in `root` a button selecting it; returns root. */
  cells<T extends Element>(root: T): T;
  /** Makes each element selectable (click, Enter, Space) for the item key(element) names; returns them. */
  marks(elements: Iterable<Element>, key: (element: Element) => string | null): void;
}

export const itemKey = (item: DerivationItem) => (item.patient === undefined ? item.result.id : `${item.result.id}#${item.patient}`);

const itemName = (item: DerivationItem) => (item.patient === undefined ? item.result.label : `${item.result.label}: patient #${item.patient}`);

let serial = 0;

function facts(entries: [string, string | Node][]): HTMLDListElement {
  const dl = document.createElement("dl");
  dl.className = "derivation-facts";
  for (const [term, value] of entries) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.append(value);
    dl.append(dt, dd);
  }
  return dl;
}

function code(text: string, title?: string): HTMLElement {
  const element = document.createElement("code");
  element.textContent = text;
  if (title) element.title = title;
  return element;
}

function patients(ids: readonly number[], role: string): HTMLElement {
  const span = document.createElement("span");
  span.className = `lineage-${role}`;
  span.dataset.patients = ids.join(" ");
  span.textContent = patientList(ids);
  return span;
}

/** A collapsed SQL file with its SHA-256, for the macros and ADaM derivations a file depends on. */
function dependency(file: SqlFile, why: string): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "derivation-dependency";
  const summary = document.createElement("summary");
  summary.append(`${why}: `, code(file.path));
  details.append(summary, sqlBlock(file.text, file.path));
  return details;
}

function sqlSection(path: string, populationPath: string, files: SqlFile[]): HTMLElement {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const file = byPath.get(path);
  const section = document.createElement("div");
  section.className = "derivation-sql";
  if (!file) {
    section.textContent = `The SQL file ${path} is not among the files shipped with this page.`;
    return section;
  }
  const intro = document.createElement("p");
  intro.append("The SQL the build ran, ", code(file.path), " (SHA-256 ", code(file.sha256.slice(0, 16) + "…", file.sha256), "):");
  section.append(intro, sqlBlock(file.text, file.path));
  for (const macro of file.macros) if (byPath.has(macro)) section.append(dependency(byPath.get(macro)!, "Macros it calls"));
  for (const table of file.tables) {
    const adam = byPath.get(`src/sql/adam/${table}.sql`);
    if (adam) section.append(dependency(adam, `ADaM dataset ${table.toUpperCase()} it reads`));
  }
  const population = byPath.get(populationPath);
  if (population) section.append(dependency(population, "The population (denominator)"));
  return section;
}

/** Events and censorings of a Kaplan–Meier result, read off its table. */
function kmPatients(result: Result): [string, Node][] {
  const rows = (result.rows ?? []) as unknown as KMRow[];
  // Above the patient-list limit (docs/results.md) the table carries counts only.
  if (!result.id.startsWith("tte.") || !rows.some((r) => r.event_ids && r.censor_ids)) return [];
  return [
    ["Events", patients(rows.flatMap((r) => r.event_ids ?? []).sort((a, b) => a - b), "events")],
    ["Censored", patients(rows.flatMap((r) => r.censor_ids ?? []).sort((a, b) => a - b), "censored")]
  ];
}

function dataFingerprint(report: Report): Node {
  const details = document.createElement("details");
  details.className = "derivation-inputs";
  const summary = document.createElement("summary");
  summary.append(code(report.data_sha256_all.slice(0, 16) + "…", report.data_sha256_all), " (all input files)");
  const list = document.createElement("ul");
  for (const [file, sha] of Object.entries(report.data_sha256)) {
    const li = document.createElement("li");
    li.append(code(file), " ", code(sha));
    list.append(li);
  }
  details.append(summary, list);
  return details;
}

/** Scrolls the dataset table (not the page) so that the first highlighted row shows under the header. */
function scrollToFirstHit(root: HTMLElement): void {
  const scroller = root.querySelector<HTMLElement>(".lineage-scroll");
  const hit = scroller?.querySelector<HTMLElement>("tr.lineage-hit");
  const head = scroller?.querySelector("thead");
  if (scroller && hit) scroller.scrollTop = Math.max(0, hit.offsetTop - (head?.getBoundingClientRect().height ?? 0));
}

interface Loaded {
  lineage: Lineage;
  sql: SqlFile[];
  adam: Record<string, string>;
  rerunButton: typeof import("./rerun-button.js").rerunButton;
  lineageTable: typeof import("./lineage-table.js").lineageTable;
}

function content(item: DerivationItem, entry: LineageEntry, loaded: Loaded, report: Report): HTMLElement {
  const {result} = item;
  const numerator = item.patient === undefined ? entry.numerator : [item.patient];
  const root = document.createElement("div");
  root.className = "derivation-item";
  const headline = document.createElement("p");
  headline.className = "derivation-headline";
  const strong = document.createElement("strong");
  strong.textContent = itemName(item);
  headline.append(strong, result.display ? `: ${result.display}` : "");
  const qc = document.createElement("span");
  qc.className = "derivation-qc";
  qc.dataset.agree = String(result.qc.agree);
  qc.append(code(result.qc.module), result.qc.agree ? " agrees" : " DISAGREES", ` (checked: ${result.qc.checked.join(", ")})`);
  const counted = item.patient === undefined ? "Counted patients (numerator)" : "Patient of this mark";
  root.append(
    headline,
    facts([
      ["Result id", code(result.id)],
      ["Population", `${result.population} (denominator ${result.denominator ?? entry.denominator.length})`],
      ["Method", result.method],
      [`${counted}, n = ${numerator.length}`, patients(numerator, "numerator")],
      [`Patients of the population (denominator), N = ${entry.denominator.length}`, patients(entry.denominator, "denominator")],
      ...(item.patient === undefined ? kmPatients(result) : []),
      ["Derived by", code(result.source)],
      ["Independent QC (Arquero)", qc],
      ["Population derived by", code(loaded.lineage.source)],
      ["Input data SHA-256", dataFingerprint(report)]
    ])
  );
  const slot = document.createElement("div");
  slot.className = "derivation-rerun";
  slot.append(loaded.rerunButton(result.id));
  root.append(slot);
  const csv = loaded.adam[entry.dataset];
  root.append(sqlSection(result.source, loaded.lineage.source, loaded.sql));
  if (csv !== undefined) root.append(loaded.lineageTable(csv, entry, numerator));
  return root;
}

/** A factory of derivations for one page: `derive(items)` makes the disclosure for these items. */
export function derivations(report: Report) {
  const load = async (): Promise<Loaded> => {
    const [l, s, a, {rerunButton}, {lineageTable}] = await Promise.all([lineage(), shippedSql(), adamCsv(), import("./rerun-button.js"), import("./lineage-table.js")]);
    return {lineage: l, sql: s, adam: a, rerunButton, lineageTable};
  };

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
        const loaded = await load();
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
