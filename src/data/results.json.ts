// TEMPORARY SAMPLE (not committed): approximates the results contract from the demo cohort
// so that the pages can be developed before the sql helper's loader lands.
import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
const dir = "data/cohort";
const read = (f: string) => csvParse(readFileSync(`${dir}/${f}`, "utf8"));
const pts = read("patients.csv"), trt = read("treatments.csv"), ev = read("events.csv"), asm = read("assessments.csv"), mets = read("metastases.csv"), ae = read("adverse_events.csv");
const study = JSON.parse(readFileSync(`${dir}/study.json`, "utf8"));
const ms = (d: string) => Date.parse(d + "T00:00:00Z") / 864e5;
const start: Record<string, number> = {};
for (const t of trt) if (t.TRTPHASE === "INDUCTION") start[t.USUBJID!] = ms(t.STDT!);
const ady = (id: string, d: string) => ms(d) - start[id]! + 1;
const N = pts.length;
const results: any[] = [];
const pct = (n: number, d: number) => (100 * n) / d;
function np(id: string, label: string, section: string, ids: string[], denomIds: string[], population: string) {
  const n = ids.length, d = denomIds.length;
  results.push({id, label, section, stats: {n, pct: pct(n, d)}, denominator: d, display: `${n} (${Math.round(pct(n, d))}%)`, population, method: "n (%)", source: "sample", qc: {module: "sample", agree: true, checked: ["n", "pct"]}, patients: ids.map(Number)});
}
const all = pts.map((p) => p.USUBJID!);
results.push({id: "cohort.n", label: "Patients included", section: "Patient characteristics", stats: {n: N}, denominator: N, display: String(N), population: "All patients", method: "count", source: "sample", qc: {module: "sample", agree: true, checked: ["n"]}, patients: all.map(Number)});
const S1 = "Patient characteristics";
np("table1.female", "Female", S1, pts.filter((p) => p.SEX === "F").map((p) => p.USUBJID!), all, "All patients");
const ages = pts.map((p) => +p.AGE!);
const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
results.push({id: "table1.age", label: "Age, years, mean (range)", section: S1, stats: {mean: mean(ages), median: 62, min: Math.min(...ages), max: Math.max(...ages), n: N}, denominator: N, display: `${Math.round(mean(ages))} (${Math.min(...ages)}–${Math.max(...ages)})`, population: "All patients", method: "mean (range)", source: "sample", qc: {module: "sample", agree: true, checked: []}, patients: all.map(Number)});
np("table1.ps01", "ECOG performance status 0–1", S1, pts.filter((p) => +p.ECOG! <= 1).map((p) => p.USUBJID!), all, "All patients");
const ki = pts.map((p) => +p.KI67!);
results.push({id: "table1.ki67", label: "Ki-67 index, %, mean (range)", section: S1, stats: {mean: mean(ki), median: 95, min: 60, max: 100}, denominator: N, display: `${Math.round(mean(ki))}% (60–100)`, population: "All patients", method: "mean (range)", source: "sample", qc: {module: "sample", agree: true, checked: []}, patients: all.map(Number)});
const S2 = "Morphology";
for (const [k, l] of [["LCNEC", "Large cell neuroendocrine carcinoma"], ["SCNEC", "Small cell neuroendocrine carcinoma"], ["MINEN", "MiNEN"]]) np(`table1.morph.${k!.toLowerCase()}`, l!, S2, pts.filter((p) => p.MORPH === k).map((p) => p.USUBJID!), all, "All patients");
const S3 = "Clinical stage at diagnosis";
np("table1.stage.la", "Locally advanced (cM0)", S3, pts.filter((p) => p.CMSTAGE === "M0").map((p) => p.USUBJID!), all, "All patients");
np("table1.stage.metastatic", "Metastatic (cM1)", S3, pts.filter((p) => p.CMSTAGE === "M1").map((p) => p.USUBJID!), all, "All patients");
np("table1.mets.liver", "Liver metastases", S3, mets.filter((m) => m.METSITE === "LIVER").map((m) => m.USUBJID!), all, "All patients");
np("table1.mets.peritoneum", "Peritoneal carcinomatosis", S3, mets.filter((m) => m.METSITE === "PERITONEUM").map((m) => m.USUBJID!), all, "All patients");
const S4 = "Chemotherapy";
np("table1.chemo.cis_etop", "Cisplatin/etoposide", S4, trt.filter((t) => t.TRTPHASE === "INDUCTION" && t.AGENT === "CISPLATIN_ETOPOSIDE").map((t) => t.USUBJID!), all, "All patients");
const cyc = all.map((id) => trt.filter((t) => t.USUBJID === id && t.TRTCAT === "CHEMOTHERAPY" && t.TRTPHASE !== "LATER_LINE").reduce((s, t) => s + +t.CYCLES!, 0));
results.push({id: "table1.chemo.cycles", label: "Cycles, mean", section: S4, stats: {mean: mean(cyc), median: 5, min: Math.min(...cyc), max: Math.max(...cyc)}, denominator: N, display: String(mean(cyc)), population: "All patients", method: "mean", source: "sample", qc: {module: "sample", agree: true, checked: []}, patients: all.map(Number)});
const S5 = "Radiotherapy";
const rt = trt.filter((t) => t.TRTCAT === "RADIOTHERAPY" && t.TRTPHASE === "CONCURRENT");
np("table1.rt.neoadjuvant", "Neoadjuvant", S5, rt.filter((t) => t.RTINTENT === "NEOADJUVANT").map((t) => t.USUBJID!), all, "All patients");
np("table1.rt.definitive", "Definitive", S5, rt.filter((t) => t.RTINTENT === "DEFINITIVE").map((t) => t.USUBJID!), all, "All patients");
np("table1.rt.25gy5f", "25 Gy in 5 fractions", S5, rt.filter((t) => t.RTDOSE === "25").map((t) => t.USUBJID!), all, "All patients");
np("table1.rt.50gy28f", "50.4 Gy in 28 fractions", S5, rt.filter((t) => t.RTDOSE === "50.4").map((t) => t.USUBJID!), all, "All patients");
const S6 = "Surgery of the primary tumour";
const surg = trt.filter((t) => t.TRTCAT === "PRIMARY_SURGERY");
const op = surg.map((t) => t.USUBJID!);
np("table1.surgery.yes", "Resected", S6, op, all, "All patients");
np("table1.surgery.no", "Not resected", S6, all.filter((i) => !op.includes(i)), all, "All patients");
np("table1.resection.r0", "R0 resection", S6, surg.filter((t) => t.MARGIN === "R0").map((t) => t.USUBJID!), op, "Operated patients");
np("table1.resection.r1", "R1 resection", S6, surg.filter((t) => t.MARGIN === "R1").map((t) => t.USUBJID!), op, "Operated patients");
const S7 = "Local treatment of liver metastases";
const liv = mets.filter((m) => m.METSITE === "LIVER").map((m) => m.USUBJID!);
np("table1.liver.rfa", "Radiofrequency ablation", S7, trt.filter((t) => t.TRTCAT === "LIVER_RFA").map((t) => t.USUBJID!), liv, "Patients with liver metastases");
np("table1.liver.resection", "Resection", S7, trt.filter((t) => t.TRTCAT === "LIVER_RESECTION").map((t) => t.USUBJID!), liv, "Patients with liver metastases");
// response
const bor: Record<string, string> = {"1": "PR", "2": "SD", "3": "PD", "4": "PR", "5": "PR", "6": "CR"};
const SR = "Best overall response";
for (const b of ["CR", "PR", "SD", "PD", "NE"]) np(`response.bor.${b.toLowerCase()}`, ({CR: "Complete response", PR: "Partial response", SD: "Stable disease", PD: "Progressive disease", NE: "Not evaluable"} as any)[b], SR, all.filter((i) => bor[i] === b), all, "All patients");
np("response.orr", "Objective response rate (confirmed CR + PR)", SR, all.filter((i) => bor[i] === "CR" || bor[i] === "PR"), all, "All patients");
Object.assign(results.at(-1).stats, {ci_low: 22.278, ci_high: 95.673});
results.at(-1).display = "67% (95% CI 22–96)";
const wf = all.map((id) => {
  const b = +asm.find((a) => a.USUBJID === id && a.VISIT === "BASELINE")!.TUSIZE_MM!;
  const sizes = asm.filter((a) => a.USUBJID === id && a.VISIT !== "BASELINE" && a.TUSIZE_MM).map((a) => +a.TUSIZE_MM!);
  return {USUBJID: +id, MORPH: pts.find((p) => p.USUBJID === id)!.MORPH, BOR: bor[id], PCHG: (100 * (Math.min(...sizes) - b)) / b};
});
const shr = wf.filter((r) => r.PCHG <= -30);
results.push({id: "response.shrinkage", label: "Primary tumour shrinkage ≥ 30%", section: SR, stats: {n: shr.length, min: Math.min(...shr.map((r) => -r.PCHG)), max: Math.max(...shr.map((r) => -r.PCHG))}, denominator: N, display: "4 patients, 38–47%", population: "All patients", method: "n, range", source: "sample", qc: {module: "sample", agree: true, checked: []}, patients: shr.map((r) => r.USUBJID)});
results.push({id: "response.waterfall", label: "Best change of the primary tumour", section: SR, stats: {}, denominator: N, display: "", population: "All with baseline and post-CRT size", method: "", source: "sample", qc: {module: "sample", agree: true, checked: []}, patients: all.map(Number), rows: wf});
np("response.ypt0", "Pathological complete response of the primary (ypT0)", "Pathology", surg.filter((t) => t.YPT === "ypT0").map((t) => t.USUBJID!), op, "Operated patients");
results.at(-1).display = "2 of 4 (50%)";
np("control.lrtc", "Locoregional tumour control", "Disease control", ["1", "2", "5", "6"], all, "All patients");
// tte
const M = 365.25 / 12;
const death: Record<string, number> = {}, last: Record<string, number> = {}, prog: Record<string, number> = {};
for (const e of ev) {
  const d = ady(e.USUBJID!, e.EVDTC!);
  if (e.EVENT === "DEATH") death[e.USUBJID!] = d;
  if (e.EVENT === "LAST_CONTACT") last[e.USUBJID!] = d;
  if (e.EVENT === "PROGRESSION") prog[e.USUBJID!] = Math.min(prog[e.USUBJID!] ?? Infinity, d);
}
function km(obs: {id: string; t: number; e: boolean}[]) {
  const times = [...new Set(obs.map((o) => o.t))].sort((a, b) => a - b);
  let s = 1, g = 0;
  const rows: any[] = [{time_days: 0, time: 0, n_risk: obs.length, n_event: 0, n_censor: 0, surv: 1, se: 0, ci_low: 1, ci_high: 1, event_ids: [], censor_ids: []}];
  for (const t of times) {
    const risk = obs.filter((o) => o.t >= t).length;
    const ev = obs.filter((o) => o.t === t && o.e), ce = obs.filter((o) => o.t === t && !o.e);
    s *= 1 - ev.length / risk;
    if (ev.length && risk > ev.length) g += ev.length / (risk * (risk - ev.length));
    let lo = null, hi = null;
    if (s > 0 && s < 1) { const v = Math.sqrt(g) / Math.log(s); lo = s ** Math.exp(1.96 * v); hi = s ** Math.exp(-1.96 * v); } else if (s === 1) { lo = 1; hi = 1; }
    rows.push({time_days: t, time: t / M, n_risk: risk, n_event: ev.length, n_censor: ce.length, surv: s, se: s * Math.sqrt(g), ci_low: lo, ci_high: hi, event_ids: ev.map((o) => +o.id), censor_ids: ce.map((o) => +o.id)});
  }
  const med = rows.find((r) => r.surv <= 0.5);
  return {rows, km_median: med ? med.time : null};
}
function tte(id: string, label: string, obs: {id: string; t: number; e: boolean}[], population: string) {
  const {rows, km_median} = km(obs);
  const ts = obs.map((o) => o.t / M).sort((a, b) => a - b);
  results.push({id, label, section: "Time to event", stats: {median: ts[Math.floor(ts.length / 2)], min: ts[0], max: ts.at(-1), n: obs.length, events: obs.filter((o) => o.e).length, km_median, km_ci_low: km_median ? km_median * 0.6 : null, km_ci_high: null}, denominator: obs.length, display: km_median ? `${km_median.toFixed(1)} months` : "not reached", population, method: "Kaplan–Meier", source: "sample", qc: {module: "sample", agree: true, checked: []}, patients: obs.map((o) => +o.id), rows});
}
tte("tte.os", "Overall survival", all.map((id) => ({id, t: death[id] ?? last[id]!, e: id in death})), "All patients");
tte("tte.pfs", "Progression-free survival", all.map((id) => ({id, t: Math.min(prog[id] ?? Infinity, death[id] ?? Infinity, last[id] ?? Infinity), e: id in prog || id in death})), "All patients");
const resp: Record<string, number> = {};
for (const a of asm) if ((a.RSORRES === "PR" || a.RSORRES === "CR") && !(a.USUBJID! in resp)) resp[a.USUBJID!] = ady(a.USUBJID!, a.RSDTC!);
tte("tte.dor", "Duration of response", Object.keys(resp).map((id) => ({id, t: Math.min(prog[id] ?? Infinity, death[id] ?? Infinity, last[id] ?? Infinity) - resp[id]! + 1, e: id in prog || id in death})), "Responders");
const fu = all.map((id) => (death[id] ?? last[id]!) / M).sort((a, b) => a - b);
results.push({id: "tte.followup", label: "Follow-up", section: "Time to event", stats: {median: (fu[2]! + fu[3]!) / 2, min: fu[0], max: fu.at(-1), n: N, km_median: 35.5, km_ci_low: 34.9, km_ci_high: null}, denominator: N, display: "17 months (range 10–36)", population: "All patients", method: "median (range); reverse Kaplan–Meier", source: "sample", qc: {module: "sample", agree: true, checked: []}, patients: all.map(Number)});
// safety
const g34 = ae.filter((a) => +a.AETOXGR! >= 3);
results.push({id: "safety.grade34", label: "Patients with a grade 3–4 adverse event", section: "Safety", stats: {n: 0, pct: 0, events: 0}, denominator: N, display: "None observed", population: "All patients", method: "n (%)", source: "sample", qc: {module: "sample", agree: true, checked: []}, patients: [], rows: g34});
np("safety.dose_reduction", "Chemotherapy dose reduced", "Safety", [...new Set(ae.filter((a) => a.AEACN === "DOSE REDUCED").map((a) => a.USUBJID!))], all, "All patients");
np("safety.discontinuation", "Treatment discontinued for an adverse event", "Safety", [...new Set(ae.filter((a) => a.AEACN === "DRUG WITHDRAWN").map((a) => a.USUBJID!))], all, "All patients");
// swimmer
const lanes = all.map((id) => ({USUBJID: +id, MORPH: pts.find((p) => p.USUBJID === id)!.MORPH, BOR: bor[id], followup_days: death[id] ?? last[id], alive: !(id in death)}));
const kindOf = (t: any) => t.TRTPHASE === "INDUCTION" ? "induction" : t.TRTCAT === "RADIOTHERAPY" && t.TRTPHASE === "CONCURRENT" ? "crt" : t.TRTCAT === "PRIMARY_SURGERY" ? "surgery" : t.TRTCAT === "LIVER_RFA" ? "liver_rfa" : t.TRTCAT === "LIVER_RESECTION" ? "liver_resection" : t.TRTPHASE === "ADJUVANT" ? "adjuvant" : null;
const segments = trt.filter(kindOf).map((t) => ({USUBJID: +t.USUBJID!, kind: kindOf(t), start_day: ady(t.USUBJID!, t.STDT!), end_day: ady(t.USUBJID!, t.ENDT!)}));
const markers: any[] = [];
for (const id of all) {
  if (id in resp) markers.push({USUBJID: +id, kind: "response", day: resp[id], label: bor[id] === "CR" ? "PR" : bor[id]});
  for (const e of ev.filter((e) => e.USUBJID === id && e.EVENT === "PROGRESSION")) {
    const kind = e.PROGSITE === "LOCOREGIONAL" ? "progression_locoregional" : "progression_distant";
    if (!markers.some((m) => m.USUBJID === +id && m.kind === kind)) markers.push({USUBJID: +id, kind, day: ady(id, e.EVDTC!), label: kind === "progression_distant" ? "Distant progression" : "Locoregional progression"});
  }
  if (id in death) markers.push({USUBJID: +id, kind: "death", day: death[id], label: "Death"});
}
const rowsOnly = (id: string, rows: any[]) => results.push({id, label: id, section: "Swimmer", stats: {}, denominator: N, display: "", population: "All patients", method: "", source: "sample", qc: {module: "sample", agree: true, checked: []}, patients: all.map(Number), rows});
rowsOnly("swimmer.lanes", lanes); rowsOnly("swimmer.segments", segments); rowsOnly("swimmer.markers", markers);
process.stdout.write(JSON.stringify({report: {title: study.title, study_id: study.study_id, citation: study.citation, version: study.version, cutoff: study.cutoff, reconstructed: true, data_sha256: {}, data_sha256_all: "0".repeat(64), tools: {node: process.version, duckdb: "?", arquero: "8.0.3", framework: "1.13.4"}, n_patients: N}, results}, null, 1));
