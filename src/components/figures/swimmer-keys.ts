// What the swimmer plot's colours and symbols mean: one entry per treatment segment and per marker kind, for the
// drawing and its legend alike.
import {BOR_COLOR} from "../../core/results/bor.js";
import type {MarkerKind, SegmentKind} from "../../core/results/rows.js";

export const SEGMENTS: Record<SegmentKind, {name: string; color: string}> = {
  induction: {name: "Induction chemotherapy", color: "#a463f2"},
  crt: {name: "Chemoradiotherapy", color: "#6cc5b0"},
  surgery: {name: "Resection of the primary", color: "#9c6b4e"},
  liver_rfa: {name: "Liver RFA", color: "#ff8ab7"},
  liver_resection: {name: "Liver resection", color: "#efb118"},
  adjuvant: {name: "Adjuvant chemotherapy", color: "#97bbf5"}
};

export const MARKERS: Record<MarkerKind, {name: string; symbol: "circle" | "star" | "triangle" | "diamond" | "times"; color: string}> = {
  response: {name: "Response onset (first CR/PR)", symbol: "circle", color: BOR_COLOR.PR},
  complete_response: {name: "Complete response reached", symbol: "star", color: BOR_COLOR.CR},
  progression_locoregional: {name: "Locoregional progression", symbol: "triangle", color: "#f28e2c"},
  progression_distant: {name: "Distant progression", symbol: "diamond", color: "#e15759"},
  death: {name: "Death", symbol: "times", color: "currentColor"}
};
