// The swimmer plot results carry rows only (no stats to compare).
import type {QcOutput} from "./common.js";

export function qcSwimmer(): QcOutput {
  return {"swimmer.lanes": {}, "swimmer.segments": {}, "swimmer.markers": {}};
}
