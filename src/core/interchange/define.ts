// Define-XML 2.0 (CDISC) for the published ADaM datasets: the metadata a reviewer's tools (Pinnacle 21, the FDA's
// data fitness checks, a SAS or R define viewer) read beside the XPT files. A subset: one ItemGroupDef per dataset
// (label, class, structure, keys, the .xpt it describes), one ItemDef per variable (name, label, type, length as
// in the XPT, origin: the cohort column it copies, or derived by the dataset's SQL file with its derivation text),
// code lists for the variables whose values the cohort schema fixes (src/core/cohort/schema.ts) and for Y/N flags.
// No value-level metadata, no analysis results metadata.
import {create} from "xmlbuilder2";
import {ADAM_DATASETS, type AdamTable} from "../adam-metadata.js";
import {SCHEMAS} from "../cohort/schema.js";
import {ADAM_TABLES} from "../sql-catalog.js";
import type {PublishedVariable} from "./adam-xpt.js";

export interface DefineStudy {
  study_id: string;
  title: string;
  version: string;
  /** The data cut-off (YYYY-MM-DD): the document's CreationDateTime, so two builds give the same bytes. */
  cutoff: string;
}

/** ADaM variables whose values are those of a cohort column with a fixed list (the schema's enum check). */
const FROM_SCHEMA: Readonly<Record<string, readonly [file: string, column: string]>> = {
  SEX: ["patients.csv", "SEX"], MORPH: ["patients.csv", "MORPH"], PRIMSITE: ["patients.csv", "PRIMSITE"],
  CTSTAGE: ["patients.csv", "CTSTAGE"], CNSTAGE: ["patients.csv", "CNSTAGE"], CMSTAGE: ["patients.csv", "CMSTAGE"],
  COMORB: ["patients.csv", "COMORB"], RTINTENT: ["treatments.csv", "RTINTENT"], MARGIN: ["treatments.csv", "MARGIN"],
  YPT: ["treatments.csv", "YPT"], AVISIT: ["assessments.csv", "VISIT"], METHOD: ["assessments.csv", "METHOD"],
  DTHCAUS: ["events.csv", "DTHCAUSE"], AEREL: ["adverse_events.csv", "AEREL"], AEACN: ["adverse_events.csv", "AEACN"],
};

/** The ADaM "No Yes Response" code list of every …FL flag. */
const NY = ["N", "Y"];

function schemaValues(file: string, column: string): readonly string[] {
  const check = SCHEMAS.find((schema) => schema.file === file)?.columns.find((c) => c.name === column)?.check;
  if (check?.kind !== "enum") throw new Error(`define.xml: ${file} ${column} has no list of values in the cohort schema`);
  return check.values;
}

/** The code list of a variable: its name and values, or undefined. */
function codeList(variable: string): {name: string; values: readonly string[]} | undefined {
  const source = FROM_SCHEMA[variable];
  if (source) return {name: `${variable} (${source.join(" ")})`, values: schemaValues(...source)};
  if (variable.endsWith("FL")) return {name: "No Yes Response", values: NY};
  return undefined;
}

/** A cohort column copied unchanged ("patients.csv AGE"): its origin is that column, not a derivation. */
const PREDECESSOR = /^[a-z_]+\.csv [A-Z0-9_]+( \(.*\))?$/;

const dataType = (v: PublishedVariable) => (!v.numeric ? "text" : v.type === "DOUBLE" ? "float" : "integer");

/** define.xml for `variables` (as writeAdamXpt published them), as UTF-8 text. */
export function defineXml(study: DefineStudy, variables: readonly PublishedVariable[]): string {
  const doc = create({version: "1.0", encoding: "UTF-8"});
  const odm = doc.ele("http://www.cdisc.org/ns/odm/v1.3", "ODM", {
    "xmlns:def": "http://www.cdisc.org/ns/def/v2.0",
    "xmlns:xlink": "http://www.w3.org/1999/xlink",
    ODMVersion: "1.3.2", FileType: "Snapshot", FileOID: `DEFINE.${study.study_id}.ADAM.${study.version}`,
    CreationDateTime: `${study.cutoff}T00:00:00`, SourceSystem: "pdnec-crt-report", SourceSystemVersion: study.version,
  });
  const studyElement = odm.ele("Study", {OID: study.study_id});
  const globals = studyElement.ele("GlobalVariables");
  globals.ele("StudyName").txt(study.study_id);
  globals.ele("StudyDescription").txt(study.title);
  globals.ele("ProtocolName").txt(study.study_id);
  const mdv = studyElement.ele("MetaDataVersion", {
    OID: `MDV.${study.version}`, Name: `ADaM datasets, report version ${study.version}`,
    Description: `Analysis datasets as of the data cut-off ${study.cutoff}`, "def:DefineVersion": "2.0.0",
  });
  const text = (parent: ReturnType<typeof mdv.ele>, value: string) =>
    parent.ele("Description").ele("TranslatedText", {"xml:lang": "en"}).txt(value);
  const ofTable = (table: AdamTable) => variables.filter((v) => v.dataset === table.toUpperCase());
  const itemOid = (v: PublishedVariable) => `IT.${v.dataset}.${v.variable}`;
  const derived = (v: PublishedVariable) => !PREDECESSOR.test(v.derivation);

  // The datasets published as XPT: those `variables` come from (the site publishes the long ones as Parquet only).
  for (const table of ADAM_TABLES.filter((t) => ofTable(t).length > 0)) {
    const meta = ADAM_DATASETS[table];
    const name = table.toUpperCase();
    const group = mdv.ele("ItemGroupDef", {
      OID: `IG.${name}`, Name: name, Repeating: table === "adsl" ? "No" : "Yes", IsReferenceData: "No",
      SASDatasetName: name, Purpose: "Analysis", "def:Structure": meta.structure, "def:Class": meta.class,
      "def:ArchiveLocationID": `LF.${name}`,
    });
    text(group, meta.label);
    ofTable(table).forEach((v, i) => {
      const key = meta.keys.indexOf(v.variable);
      group.ele("ItemRef", {
        ItemOID: itemOid(v), OrderNumber: String(i + 1), Mandatory: key >= 0 ? "Yes" : "No",
        ...(key >= 0 ? {KeySequence: String(key + 1)} : {}),
        ...(derived(v) ? {MethodOID: `MT.${v.dataset}.${v.variable}`} : {}),
      });
    });
    group.ele("def:leaf", {ID: `LF.${name}`, "xlink:href": `${table}.xpt`}).ele("def:title").txt(`${table}.xpt`);
  }

  for (const v of variables) {
    const item = mdv.ele("ItemDef", {
      OID: itemOid(v), Name: v.variable, DataType: dataType(v), Length: String(v.length), SASFieldName: v.variable,
    });
    text(item, v.label);
    if (codeList(v.variable)) item.ele("CodeListRef", {CodeListOID: `CL.${v.variable}`});
    const origin = item.ele("def:Origin", {Type: derived(v) ? "Derived" : "Predecessor"});
    if (!derived(v)) text(origin, v.derivation);
  }

  const listed = [...new Set(variables.map((v) => v.variable))].filter((variable) => codeList(variable));
  for (const variable of listed) {
    const list = codeList(variable)!;
    const element = mdv.ele("CodeList", {OID: `CL.${variable}`, Name: list.name, DataType: "text"});
    list.values.forEach((value, i) => element.ele("EnumeratedItem", {CodedValue: value, OrderNumber: String(i + 1)}));
  }

  // The SQL file that derives each dataset, by its path in the report's repository (the site ships it on /verify).
  const sqlLeaf = (dataset: string) => `LF.SQL.${dataset}`;
  for (const v of variables.filter(derived)) {
    const method = mdv.ele("MethodDef", {OID: `MT.${v.dataset}.${v.variable}`, Name: `Algorithm for ${v.dataset}.${v.variable}`,
      Type: "Computation"});
    text(method, v.derivation);
    method.ele("def:DocumentRef", {leafID: sqlLeaf(v.dataset)});
  }
  for (const table of ADAM_TABLES) {
    const {source} = ADAM_DATASETS[table];
    mdv.ele("def:leaf", {ID: sqlLeaf(table.toUpperCase()), "xlink:href": source}).ele("def:title").txt(source);
  }
  return doc.end({prettyPrint: true}) + "\n";
}
