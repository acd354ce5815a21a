// QC of src/sql/analysis/table1.sql: Table 1 (patient, tumour and treatment characteristics) and the cohort size.
// Denominators: all patients, except liver-directed treatment (patients with liver metastases at diagnosis). The
// resection margins are pathology.ts's.
import * as aq from "arquero";
import type {QcCohort} from "./lib/cohort.js";
import {describe, nPct, patientsIn, where, type QcOutput, type Table} from "./lib/tables.js";

export const ids = ["cohort.n", "table1.female", "table1.age", "table1.ps01", "table1.comorbidity", "table1.ki67",
  "table1.site.rectum", "table1.site.anus", "table1.ct.t1", "table1.ct.t2", "table1.ct.t3", "table1.ct.t4",
  "table1.cn.n0", "table1.cn.n1", "table1.cn.n2", "table1.chemo.carbo_etop", "table1.morph.lcnec",
  "table1.morph.scnec", "table1.morph.minen", "table1.stage.la", "table1.stage.metastatic", "table1.mets.liver",
  "table1.mets.peritoneum", "table1.chemo.cis_etop", "table1.chemo.cycles", "table1.rt.neoadjuvant",
  "table1.rt.definitive", "table1.rt.25gy5f", "table1.rt.50gy28f", "table1.surgery.yes", "table1.surgery.no",
  "table1.liver.rfa", "table1.liver.resection"];

const FIRST_LINE_CHEMO = ["INDUCTION", "CONCURRENT", "CONSOLIDATION", "ADJUVANT"];

export function stats({patients, treatments, metastases}: QcCohort): QcOutput {
  const all = patients.numRows();
  const among = (table: Table) => nPct(patientsIn(table), all);
  const withValue = (column: string, value: string | number) =>
    among(where(patients, (d) => d[column] === value));

  const chemo = treatments.filter((d) => d.TRTCAT === "CHEMOTHERAPY");
  const cycles = patients
    .select("USUBJID")
    .join_left(
      where(chemo, (d) => FIRST_LINE_CHEMO.includes(d.TRTPHASE))
        .groupby("USUBJID")
        .rollup({CYCLES: aq.op.sum("CYCLES")}),
      "USUBJID",
    )
    .array("CYCLES") as (number | undefined)[];
  const rt = treatments.filter((d) => d.TRTCAT === "RADIOTHERAPY" && d.TRTPHASE === "CONCURRENT");
  const surgery = treatments.filter((d) => d.TRTCAT === "PRIMARY_SURGERY");
  const operated = patientsIn(surgery);
  const isOperated = new Set(operated);
  const liverPatients = patientsIn(metastases.filter((d) => d.METSITE === "LIVER"));
  const withLiverMets = new Set(liverPatients);
  const liverTreated = (category: string) =>
    nPct(
      patientsIn(where(treatments, (d) => d.TRTCAT === category && withLiverMets.has(d.USUBJID))),
      liverPatients.length,
    );
  const inductionWith = (agent: string) =>
    among(where(chemo, (d) => d.TRTPHASE === "INDUCTION" && d.AGENT === agent));
  const metSite = (site: string) =>
    among(where(metastases, (d) => d.METSITE === site));

  return {
    "cohort.n": {n: all},
    "table1.female": withValue("SEX", "F"),
    "table1.age": describe(patients.array("AGE") as number[], true),
    "table1.ps01": among(patients.filter((d) => d.ECOG <= 1)),
    "table1.comorbidity": withValue("COMORB", "Y"),
    "table1.site.rectum": withValue("PRIMSITE", "RECTUM"),
    "table1.site.anus": withValue("PRIMSITE", "ANUS"),
    ...Object.fromEntries(["T1", "T2", "T3", "T4"].map((t) => [`table1.ct.${t.toLowerCase()}`, withValue("CTSTAGE", t)])),
    ...Object.fromEntries(["N0", "N1", "N2"].map((n) => [`table1.cn.${n.toLowerCase()}`, withValue("CNSTAGE", n)])),
    "table1.ki67": describe(patients.array("KI67") as number[]),
    "table1.morph.lcnec": withValue("MORPH", "LCNEC"),
    "table1.morph.scnec": withValue("MORPH", "SCNEC"),
    "table1.morph.minen": withValue("MORPH", "MINEN"),
    "table1.stage.la": withValue("CMSTAGE", "M0"),
    "table1.stage.metastatic": withValue("CMSTAGE", "M1"),
    "table1.mets.liver": nPct(liverPatients, all),
    "table1.mets.peritoneum": metSite("PERITONEUM"),
    "table1.chemo.cis_etop": inductionWith("CISPLATIN_ETOPOSIDE"),
    "table1.chemo.carbo_etop": inductionWith("CARBOPLATIN_ETOPOSIDE"),
    // A patient without first-line chemotherapy records had 0 cycles.
    "table1.chemo.cycles": describe(cycles.map((c) => c ?? 0)),
    "table1.rt.neoadjuvant": among(rt.filter((d) => d.RTINTENT === "NEOADJUVANT")),
    "table1.rt.definitive": among(rt.filter((d) => d.RTINTENT === "DEFINITIVE")),
    "table1.rt.25gy5f": among(rt.filter((d) => d.RTDOSE === 25 && d.RTFRAC === 5)),
    "table1.rt.50gy28f": among(rt.filter((d) => d.RTDOSE === 50.4 && d.RTFRAC === 28)),
    "table1.surgery.yes": nPct(operated, all),
    "table1.surgery.no": nPct(patientsIn(patients).filter((id) => !isOperated.has(id)), all),
    "table1.liver.rfa": liverTreated("LIVER_RFA"),
    "table1.liver.resection": liverTreated("LIVER_RESECTION"),
  };
}
