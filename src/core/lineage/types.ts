// Lineage of the results dataset: for every result, the patients it counts (numerator) among the patients of its
// analysis population (denominator), and the ADaM rows a reviewer checks them against. Only USUBJIDs, result ids and
// variable names: no date, no name.

export type Role = "numerator" | "denominator";

/** One patient in one role of one result: the flat form of the lineage. */
export interface LineageRow {
  result_id: string;
  role: Role;
  USUBJID: number;
}

export type AdamTable = "adsl" | "adrs" | "adtte" | "adae";

export interface LineageEntry {
  id: string;
  /** The population's name in src/sql/lineage/population.sql (all, operated, liver_metastases, …). */
  population: string;
  /** The ADaM dataset (and PARAMCD, for ADRS/ADTTE) whose rows show the patients' data. */
  dataset: AdamTable;
  paramcd: string | null;
  variables: string[];
  numerator: number[];
  denominator: number[];
}

export interface Lineage {
  /** The SQL file that derives the populations. */
  source: string;
  results: LineageEntry[];
}
