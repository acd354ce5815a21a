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

/** Where a problem is: one cell of one file. */
interface Cell {
  file: string;
  line: number;
  column: string;
  value: string;
}

/** A date cell of a patient's record, with what it records. */
interface DatedCell extends Cell {
  kind: "diagnosis" | "treatment" | "baseline" | "response" | "event" | "death" | "adverse-event";
}

type Report = (cell: Cell, rule: CrossRule, message: string) => void;

export function checkRules(input: RuleInput): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (cell, rule, message) => problems.push({...cell, rule, message});
  const patientLine = checkKeys(input, report);
  checkTreatmentRows(input.treatments, report);

  const metastases = groupBySubject(input.metastases);
  const treatments = groupBySubject(input.treatments);
  const assessments = groupBySubject(input.assessments);
  const events = groupBySubject(input.events);
  const adverseEvents = groupBySubject(input.adverse_events);
  for (const patient of input.patients) {
    const id = patient.row.USUBJID;
    // Duplicates were reported by unique-usubjid; the first row of a USUBJID stands for it.
    if (input.incomplete.has(id) || patientLine.get(id) !== patient.line) continue;
    checkPatient(
      {
        patient,
        metastases: metastases.get(id) ?? [],
        treatments: treatments.get(id) ?? [],
        assessments: assessments.get(id) ?? [],
        events: events.get(id) ?? [],
        adverseEvents: adverseEvents.get(id) ?? []
      },
      input.study.cutoff,
      report
    );
  }
  return problems;
}

/** unique-usubjid, known-usubjid, unique-episodeid, episodeid-usubjid; returns each patient's line. */
function checkKeys(input: RuleInput, report: Report): Map<number, number> {
  const patientLine = new Map<number, number>();
  for (const {line, row: id} of input.subjects["patients.csv"] ?? []) {
    const first = patientLine.get(id);
    const cell = {file: "patients.csv", line, column: "USUBJID", value: String(id)};
    if (first === undefined) patientLine.set(id, line);
    else report(cell, "unique-usubjid", `USUBJID ${id} is already on line ${first}`);
  }
  for (const [file, ids] of Object.entries(input.subjects)) {
    if (file === "patients.csv") continue;
    for (const {line, row: id} of ids) {
      const cell = {file, line, column: "USUBJID", value: String(id)};
      if (!patientLine.has(id)) report(cell, "known-usubjid", `no patient ${id} in patients.csv`);
    }
  }
  const episodeLine = new Map<string, number>();
  for (const {line, row} of input.treatments) {
    const cell = {file: "treatments.csv", line, column: "EPISODEID", value: row.EPISODEID};
    const first = episodeLine.get(row.EPISODEID);
    if (first === undefined) episodeLine.set(row.EPISODEID, line);
    else report(cell, "unique-episodeid", `EPISODEID ${row.EPISODEID} is already on line ${first}`);
    if (!row.EPISODEID.startsWith(`${row.USUBJID}-`)) {
      report(cell, "episodeid-usubjid", `EPISODEID must start with USUBJID ${row.USUBJID} (${row.USUBJID}-NN)`);
    }
  }
  return patientLine;
}

/** end-after-start and rt-dose-per-fraction, which need only the row itself. */
function checkTreatmentRows(treatments: Located<TreatmentRow>[], report: Report): void {
  const {min, max} = RT_DOSE_PER_FRACTION_GY;
  for (const {line, row} of treatments) {
    if (row.ENDT < row.STDT) {
      report(
        {file: "treatments.csv", line, column: "ENDT", value: row.ENDT},
        "end-after-start",
        `ENDT is before STDT ${row.STDT}`
      );
    }
    if (row.RTDOSE === null || row.RTFRAC === null) continue;
    const perFraction = row.RTDOSE / row.RTFRAC;
    if (perFraction < min || perFraction > max) {
      report(
        {file: "treatments.csv", line, column: "RTDOSE", value: String(row.RTDOSE)},
        "rt-dose-per-fraction",
        `${row.RTDOSE} Gy in ${row.RTFRAC} fractions is ${+perFraction.toFixed(2)} Gy per fraction; ` +
          `a schedule needs ${min}–${max} Gy per fraction`
      );
    }
  }
}

interface PatientRecord {
  patient: Located<PatientRow>;
  metastases: Located<MetastasisRow>[];
  treatments: Located<TreatmentRow>[];
  assessments: Located<AssessmentRow>[];
  events: Located<EventRow>[];
  adverseEvents: Located<AdverseEventRow>[];
}

function checkPatient(record: PatientRecord, cutoff: IsoDate, report: Report): void {
  const {patient} = record;
  const id = patient.row.USUBJID;
  const own = (message: string) => `patient ${id}: ${message}`;

  // Rows there must be exactly one (or at most one) of: the first counts, later ones are reported.
  const single = <T>(rows: Located<T>[], rule: CrossRule, what: string, at: Omit<Cell, "line">, optional = false) => {
    if (rows.length === 0 && !optional) {
      const cell = {file: "patients.csv", line: patient.line, column: "USUBJID", value: String(id)};
      report(cell, rule, own(`no ${what} in ${at.file}`));
    }
    for (const extra of rows.slice(1)) {
      report({...at, line: extra.line}, rule, own(`a second ${what}; the first is on line ${rows[0]!.line}`));
    }
    return rows.length === 1 ? rows[0] : undefined;
  };
  const induction = single(
    record.treatments.filter((t) => t.row.TRTCAT === "CHEMOTHERAPY" && t.row.TRTPHASE === "INDUCTION"),
    "one-induction",
    "induction chemotherapy (CHEMOTHERAPY, INDUCTION)",
    {file: "treatments.csv", column: "TRTPHASE", value: "INDUCTION"}
  );
  const ends = record.events.filter((e) => e.row.EVENT !== "PROGRESSION");
  const end = single(ends, "one-end-of-follow-up", "end of follow-up (DEATH or LAST_CONTACT)", {
    file: "events.csv",
    column: "EVENT",
    value: ends[1]?.row.EVENT ?? ""
  });
  single(
    record.assessments.filter((a) => a.row.VISIT === "BASELINE"),
    "one-baseline",
    "BASELINE assessment",
    {file: "assessments.csv", column: "VISIT", value: "BASELINE"}
  );
  single(
    record.treatments.filter((t) => t.row.TRTCAT === "PRIMARY_SURGERY"),
    "one-primary-surgery",
    "resection of the primary tumour (PRIMARY_SURGERY)",
    {file: "treatments.csv", column: "TRTCAT", value: "PRIMARY_SURGERY"},
    true
  );

  const stage = {file: "patients.csv", line: patient.line, column: "CMSTAGE", value: patient.row.CMSTAGE};
  const metastasis = record.metastases[0];
  if (patient.row.CMSTAGE === "M1" && !metastasis) {
    report(stage, "m1-iff-metastases", own("CMSTAGE M1 needs at least one row in metastases.csv"));
  } else if (patient.row.CMSTAGE === "M0" && metastasis) {
    report(
      stage,
      "m1-iff-metastases",
      own(`CMSTAGE M0 but metastases.csv lists a metastasis on line ${metastasis.line}`)
    );
  }

  const diagnosis = patient.row.DIAGDT;
  const day1 = induction?.row.STDT;
  const day1Is = `Day 1, the start of induction chemotherapy on ${day1} (treatments.csv line ${induction?.line})`;
  const endDate = end?.row.EVDTC;
  const endIs = `${end?.row.EVENT === "DEATH" ? "death" : "last contact"} on ${endDate} (events.csv line ${end?.line})`;
  for (const cell of datedCells(record)) {
    const date = cell.value;
    const breaks = (rule: CrossRule, message: string) => report(cell, rule, own(message));
    // Baseline imaging may precede the diagnosis: it is part of the diagnostic work-up.
    if (cell.kind !== "diagnosis" && cell.kind !== "baseline" && date < diagnosis) {
      breaks(
        "nothing-before-diagnosis",
        `${cell.column} is before the diagnosis on ${diagnosis} (patients.csv line ${patient.line})`
      );
    }
    if (day1 !== undefined && cell.kind !== "diagnosis" && cell.column !== "ENDT") {
      if (cell.kind === "baseline") {
        if (date > day1) breaks("baseline-before-start", `baseline imaging must be on or before ${day1Is}`);
      } else if (cell.kind === "response") {
        if (date <= day1) breaks("response-after-start", `a response assessment must come after ${day1Is}`);
      } else if (date < day1) {
        breaks("on-or-after-start", `${cell.column} is before ${day1Is}`);
      }
    }
    if (endDate !== undefined && date > endDate && cell.kind !== "death") {
      const rule = end!.row.EVENT === "DEATH" ? "nothing-after-death" : "nothing-after-last-contact";
      breaks(rule, `${cell.column} is after the ${endIs}`);
    }
    if (date > cutoff) breaks("nothing-after-cutoff", `${cell.column} is after the data cutoff ${cutoff} (study.json)`);
  }
}

function datedCells(record: PatientRecord): DatedCell[] {
  const {patient} = record;
  const cells: DatedCell[] = [
    {file: "patients.csv", line: patient.line, column: "DIAGDT", value: patient.row.DIAGDT, kind: "diagnosis"}
  ];
  for (const {line, row} of record.treatments) {
    cells.push({file: "treatments.csv", line, column: "STDT", value: row.STDT, kind: "treatment"});
    cells.push({file: "treatments.csv", line, column: "ENDT", value: row.ENDT, kind: "treatment"});
  }
  for (const {line, row} of record.assessments) {
    const kind = row.VISIT === "BASELINE" ? "baseline" : "response";
    cells.push({file: "assessments.csv", line, column: "RSDTC", value: row.RSDTC, kind});
  }
  for (const {line, row} of record.events) {
    cells.push({
      file: "events.csv",
      line,
      column: "EVDTC",
      value: row.EVDTC,
      kind: row.EVENT === "DEATH" ? "death" : "event"
    });
  }
  for (const {line, row} of record.adverseEvents) {
    cells.push({file: "adverse_events.csv", line, column: "AESTDTC", value: row.AESTDTC, kind: "adverse-event"});
  }
  return cells;
}

function groupBySubject<T extends {USUBJID: number}>(rows: Located<T>[]): Map<number, Located<T>[]> {
  const groups = new Map<number, Located<T>[]>();
  for (const located of rows) {
    const group = groups.get(located.row.USUBJID);
    if (group) group.push(located);
    else groups.set(located.row.USUBJID, [located]);
  }
  return groups;
}
