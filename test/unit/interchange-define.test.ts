// define.xml (Define-XML 2.0 subset) of the published ADaM datasets: one ItemGroupDef per dataset pointing at its
// .xpt, one ItemDef per variable with the XPT's type and length, origins, code lists from the cohort schema, and
// derivations citing the SQL file.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import {create} from "xmlbuilder2";
import {ADAM_METADATA} from "../../src/core/adam-metadata.js";
import {writeDatasets} from "../../src/core/results/datasets.js";

type Element = Record<string, unknown>;
const cohort = fileURLToPath(new URL("../../data/cohort", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "define-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

let mdv: Element;
const list = (value: unknown): Element[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as Element[];
const byOid = (kind: string, oid: string) => list(mdv[kind]).find((e) => e["@OID"] === oid)!;
const text = (e: Element) => ((e.Description as Element).TranslatedText as Element)["#"];

before(async () => {
  await writeDatasets(cohort, join(scratch, "adam"));
  const xml = readFileSync(join(scratch, "adam", "define.xml"), "utf8");
  const odm = (create(xml).end({format: "object"}) as Element).ODM as Element;
  assert.equal(odm["@xmlns"], "http://www.cdisc.org/ns/odm/v1.3");
  assert.equal(odm["@CreationDateTime"], "2023-04-01T00:00:00"); // the data cut-off, not the clock
  mdv = (odm.Study as Element).MetaDataVersion as Element;
});

test("one ItemGroupDef per dataset, its variables in order, keys and the .xpt it describes", () => {
  const groups = list(mdv.ItemGroupDef);
  assert.deepEqual(groups.map((g) => [g["@Name"], g["@def:Class"], (g["def:leaf"] as Element)["@xlink:href"]]), [
    ["ADSL", "SUBJECT LEVEL ANALYSIS DATASET", "adsl.xpt"], ["ADRS", "BASIC DATA STRUCTURE", "adrs.xpt"],
    ["ADTTE", "BASIC DATA STRUCTURE", "adtte.xpt"], ["ADAE", "OCCURRENCE DATA STRUCTURE", "adae.xpt"]]);
  const adtte = list(groups[2]!.ItemRef);
  assert.deepEqual(adtte.map((r) => r["@ItemOID"]), ADAM_METADATA.adtte.map((v) => `IT.ADTTE.${v.variable}`));
  assert.deepEqual(adtte.filter((r) => r["@KeySequence"]).map((r) => [r["@ItemOID"], r["@KeySequence"]]),
    [["IT.ADTTE.USUBJID", "2"], ["IT.ADTTE.PARAMCD", "1"]]);
});

test("ItemDefs: label, type and the XPT length (text: the longest value)", () => {
  assert.equal(list(mdv.ItemDef).length, Object.values(ADAM_METADATA).flat().length);
  const item = (oid: string) => {
    const e = byOid("ItemDef", oid);
    return [e["@DataType"], e["@Length"], text(e)];
  };
  assert.deepEqual(item("IT.ADSL.USUBJID"), ["integer", "8", "Unique subject identifier"]);
  assert.deepEqual(item("IT.ADSL.KI67"), ["float", "8", "Ki-67 proliferation index (%)"]);
  // "Perianal radiation dermatitis" (adverse_events.csv) is the longest reported term: 29 characters.
  assert.deepEqual(item("IT.ADAE.AETERM"), ["text", "29", "Reported term for the adverse event"]);
  assert.deepEqual(item("IT.ADSL.SEX"), ["text", "1", "Sex"]);
});

test("origins: a copied cohort column is the predecessor; a derivation cites its text and SQL file", () => {
  const age = byOid("ItemDef", "IT.ADSL.AGE")["def:Origin"] as Element;
  assert.equal(age["@Type"], "Predecessor");
  assert.equal(text(age), "patients.csv AGE");
  assert.equal((byOid("ItemDef", "IT.ADSL.STAGE")["def:Origin"] as Element)["@Type"], "Derived");
  const stage = byOid("MethodDef", "MT.ADSL.STAGE");
  assert.equal(text(stage), "METASTATIC if CMSTAGE = M1, else LOCALLY ADVANCED (UICC TNM 8)");
  assert.equal((stage["def:DocumentRef"] as Element)["@leafID"], "LF.SQL.ADSL");
  const leaf = list(mdv["def:leaf"]).find((l) => l["@ID"] === "LF.SQL.ADSL")!;
  assert.equal(leaf["@xlink:href"], "src/sql/adam/adsl.sql");
});

test("code lists from the cohort schema and for Y/N flags", () => {
  const values = (oid: string) => list(byOid("CodeList", oid).EnumeratedItem).map((i) => i["@CodedValue"]);
  assert.deepEqual(values("CL.SEX"), ["F", "M"]);
  assert.deepEqual(values("CL.AEACN"), ["DOSE REDUCED", "DRUG WITHDRAWN", "DOSE NOT CHANGED", "DRUG INTERRUPTED"]);
  assert.deepEqual(values("CL.AVISIT"), ["BASELINE", "POST_CRT", "CONFIRMATION", "FOLLOW_UP"]);
  assert.deepEqual(values("CL.DTHFL"), ["N", "Y"]);
  assert.equal((byOid("ItemDef", "IT.ADSL.MORPH").CodeListRef as Element)["@CodeListOID"], "CL.MORPH");
  assert.equal(byOid("ItemDef", "IT.ADSL.AGE").CodeListRef, undefined);
});
