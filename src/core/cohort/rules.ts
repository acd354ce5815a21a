// Rules across rows and files: keys, and the clinical and temporal consistency of each
// patient's record. Everything is indexed by USUBJID in Maps, so the cost is linear in the
// number of rows. Day 1 is the start of induction chemotherapy (docs/architecture.md).
import type {Problem} from "./problem.js";
import type {
  AdverseEventRow,
  AssessmentRow,
  EventRow,
  IsoDate,
  Located,
  MetastasisRow,
  PatientRow,
  Study,
  TreatmentRow
} from "./types.js";

export const CROSS_RULES = {
  "unique-usubjid": "USUBJID is unique in patients.csv",
  "unique-episodeid": "EPISODEID is unique in treatments.csv",
  "known-usubjid": "every USUBJID in the other files is a patient of patients.csv",
  "episodeid-usubjid": "EPISODEID starts with the row's USUBJID",
  "one-induction": "each patient has exactly one induction chemotherapy (its start is Day 1)",
  "one-end-of-follow-up": "each patient has exactly one DEATH or LAST_CONTACT event",
  "one-baseline": "each patient has exactly one BASELINE assessment",
  "one-primary-surgery": "each patient has at most one resection of the primary tumour",
  "m1-iff-metastases": "CMSTAGE is M1 exactly when metastases.csv lists a metastasis for the patient",
  "end-after-start": "a treatment's ENDT is on or after its STDT",
  "rt-dose-per-fraction": "RTDOSE / RTFRAC is a known schedule: 1.5–5.5 Gy per fraction",
  "nothing-before-diagnosis": "no date precedes DIAGDT, except baseline imaging (part of the diagnostic work-up)",
  "on-or-after-start": "treatments, adverse events and events are on or after Day 1",
  "baseline-before-start": "baseline imaging is on or before Day 1",
  "response-after-start": "response assessments (not BASELINE) come after Day 1",
  "nothing-after-death": "no date follows the patient's death, except the death record",
  "nothing-after-last-contact": "no date follows the patient's last contact",
  "nothing-after-cutoff": "no date follows the data cutoff in study.json"
} as const;
export type CrossRule = keyof typeof CROSS_RULES;

export const RT_DOSE_PER_FRACTION_GY = {min: 1.5, max: 5.5} as const;

export interface RuleInput {
  study: Study;
  patients: Located<PatientRow>[];
  metastases: Located<MetastasisRow>[];
  treatments: Located<TreatmentRow>[];
  assessments: Located<AssessmentRow>[];
  events: Located<EventRow>[];
  adverse_events: Located<AdverseEventRow>[];
  /** Every well-formed USUBJID per file, including rows that failed another column. */
  subjects: Record<string, Located<number>[]>;
  /** Patients with a row that failed its schema: per-patient rules skip them (no follow-on noise). */
  incomplete: ReadonlySet<number>;
}

/** A date cell of some file, with what it belongs to. */
interface DatedCell {
  file: string;
  line: number;
  column: string;
  date: IsoDate;
  baseline?: boolean;
  assessment?: boolean;
  death?: boolean;
}

function groupBy<T>(rows: Located<T>[], key: (row: T) => number): Map<number, Located<T>[]> {
  const groups = new Map<number, Located<T>[]>();
  for (const located of rows) {
    const id = key(located.row);
    const group = groups.get(id);
    if (group) group.push(located);
    else groups.set(id, [located]);
  }
  return groups;
}

export function checkRules(input: RuleInput): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, line: number, column: string, value: string, rule: CrossRule, message: string) =>
    problems.push({file, line, column, value, rule, message});

  // Keys.
  const patientLine = new Map<number, number>();
  for (const {line, row: id} of input.subjects["patients.csv"] ?? []) {
    const first = patientLine.get(id);
    if (first === undefined) patientLine.set(id, line);
    else add("patients.csv", line, "USUBJID", String(id), "unique-usubjid", `USUBJID ${id} is already on line ${first}`);
  }
  for (const [file, ids] of Object.entries(input.subjects)) {
    if (file === "patients.csv") continue;
    for (const {line, row: id} of ids) {
      if (!patientLine.has(id)) add(file, line, "USUBJID", String(id), "known-usubjid", `no patient ${id} in patients.csv`);
    }
  }
  const episodeLine = new Map<string, number>();
  for (const {line, row} of input.treatments) {
    const first = episodeLine.get(row.EPISODEID);
    if (first === undefined) episodeLine.set(row.EPISODEID, line);
    else add("treatments.csv", line, "EPISODEID", row.EPISODEID, "unique-episodeid", `EPISODEID ${row.EPISODEID} is already on line ${first}`);
    if (!row.EPISODEID.startsWith(`${row.USUBJID}-`)) {
      add("treatments.csv", line, "EPISODEID", row.EPISODEID, "episodeid-usubjid", `EPISODEID must start with USUBJID ${row.USUBJID} (${row.USUBJID}-NN)`);
    }
  }

  // Single treatment rows.
  for (const {line, row} of input.treatments) {
    if (row.ENDT < row.STDT) add("treatments.csv", line, "ENDT", row.ENDT, "end-after-start", `ENDT is before STDT ${row.STDT}`);
    if (row.RTDOSE !== null && row.RTFRAC !== null) {
      const perFraction = row.RTDOSE / row.RTFRAC;
      if (perFraction < RT_DOSE_PER_FRACTION_GY.min || perFraction > RT_DOSE_PER_FRACTION_GY.max) {
        add("treatments.csv", line, "RTDOSE", String(row.RTDOSE), "rt-dose-per-fraction",
          `${row.RTDOSE} Gy in ${row.RTFRAC} fractions is ${+perFraction.toFixed(2)} Gy per fraction; ` +
            `a schedule needs ${RT_DOSE_PER_FRACTION_GY.min}–${RT_DOSE_PER_FRACTION_GY.max} Gy per fraction`);
      }
    }
  }

  // Each patient's record.
  const metastases = groupBy(input.metastases, (r) => r.USUBJID);
  const treatments = groupBy(input.treatments, (r) => r.USUBJID);
  const assessments = groupBy(input.assessments, (r) => r.USUBJID);
  const events = groupBy(input.events, (r) => r.USUBJID);
  const adverseEvents = groupBy(input.adverse_events, (r) => r.USUBJID);
  const cutoff = input.study.cutoff;

  for (const {line: pline, row: patient} of input.patients) {
    const id = patient.USUBJID;
    if (input.incomplete.has(id) || patientLine.get(id) !== pline) continue;
    const own = (message: string) => `patient ${id}: ${message}`;
    const trts = treatments.get(id) ?? [];
    const rss = assessments.get(id) ?? [];
    const evs = events.get(id) ?? [];
    const aes = adverseEvents.get(id) ?? [];

    // Exactly one (or at most one) of a kind: the first is kept, later ones are reported.
    const exactlyOne = <T>(rows: Located<T>[], file: string, column: string, value: string, rule: CrossRule, what: string, atMostOne = false) => {
      if (rows.length === 0 && !atMostOne) {
        add("patients.csv", pline, "USUBJID", String(id), rule, own(`no ${what} in ${file}`));
      }
      for (const extra of rows.slice(1)) {
        add(file, extra.line, column, value, rule, own(`a second ${what}; the first is on line ${rows[0]!.line}`));
      }
      return rows.length === 1 ? rows[0] : undefined;
    };
    const induction = exactlyOne(
      trts.filter((t) => t.row.TRTCAT === "CHEMOTHERAPY" && t.row.TRTPHASE === "INDUCTION"),
      "treatments.csv", "TRTPHASE", "INDUCTION", "one-induction", "induction chemotherapy (CHEMOTHERAPY, INDUCTION)"
    );
    const endRows = evs.filter((e) => e.row.EVENT !== "PROGRESSION");
    const end = exactlyOne(endRows, "events.csv", "EVENT", endRows[1]?.row.EVENT ?? "", "one-end-of-follow-up", "end of follow-up (DEATH or LAST_CONTACT)");
    exactlyOne(rss.filter((a) => a.row.VISIT === "BASELINE"), "assessments.csv", "VISIT", "BASELINE", "one-baseline", "BASELINE assessment");
    exactlyOne(trts.filter((t) => t.row.TRTCAT === "PRIMARY_SURGERY"), "treatments.csv", "TRTCAT", "PRIMARY_SURGERY", "one-primary-surgery", "resection of the primary tumour (PRIMARY_SURGERY)", true);

    const mets = metastases.get(id) ?? [];
    if (patient.CMSTAGE === "M1" && mets.length === 0) {
      add("patients.csv", pline, "CMSTAGE", "M1", "m1-iff-metastases", own("CMSTAGE M1 needs at least one row in metastases.csv"));
    } else if (patient.CMSTAGE === "M0" && mets.length > 0) {
      add("patients.csv", pline, "CMSTAGE", "M0", "m1-iff-metastases", own(`CMSTAGE M0 but metastases.csv lists a metastasis on line ${mets[0]!.line}`));
    }

    // Temporal order of every dated cell of the patient.
    const cells: DatedCell[] = [{file: "patients.csv", line: pline, column: "DIAGDT", date: patient.DIAGDT}];
    for (const {line, row} of trts) {
      cells.push({file: "treatments.csv", line, column: "STDT", date: row.STDT}, {file: "treatments.csv", line, column: "ENDT", date: row.ENDT});
    }
    for (const {line, row} of rss) {
      cells.push({file: "assessments.csv", line, column: "RSDTC", date: row.RSDTC, assessment: true, baseline: row.VISIT === "BASELINE"});
    }
    for (const {line, row} of evs) cells.push({file: "events.csv", line, column: "EVDTC", date: row.EVDTC, death: row.EVENT === "DEATH"});
    for (const {line, row} of aes) cells.push({file: "adverse_events.csv", line, column: "AESTDTC", date: row.AESTDTC});

    const day1 = induction?.row.STDT;
    const day1Where = induction ? `Day 1, the start of induction chemotherapy on ${day1} (treatments.csv line ${induction.line})` : "";
    for (const cell of cells) {
      const at = (rule: CrossRule, message: string) => add(cell.file, cell.line, cell.column, cell.date, rule, own(message));
      if (cell.column !== "DIAGDT" && !cell.baseline && cell.date < patient.DIAGDT) {
        at("nothing-before-diagnosis", `${cell.column} is before the diagnosis on ${patient.DIAGDT} (patients.csv line ${pline})`);
      }
      if (day1 !== undefined && cell.column !== "DIAGDT" && cell.column !== "ENDT") {
        if (cell.baseline) {
          if (cell.date > day1) at("baseline-before-start", `baseline imaging must be on or before ${day1Where}`);
        } else if (cell.assessment) {
          if (cell.date <= day1) at("response-after-start", `a response assessment must come after ${day1Where}`);
        } else if (cell.date < day1) {
          at("on-or-after-start", `${cell.column} is before ${day1Where}`);
        }
      }
      if (end && cell.date > end.row.EVDTC && !cell.death) {
        const died = end.row.EVENT === "DEATH";
        at(died ? "nothing-after-death" : "nothing-after-last-contact",
          `${cell.column} is after the ${died ? "death" : "last contact"} on ${end.row.EVDTC} (events.csv line ${end.line})`);
      }
      if (cell.date > cutoff) at("nothing-after-cutoff", `${cell.column} is after the data cutoff ${cutoff} (study.json)`);
    }
  }
  return problems;
}
