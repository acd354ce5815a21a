// The "Re-run in your browser" button of every derivation: rerunButton(resultId) of src/components/rerun-button.ts.
export {rerunButton as rerun} from "./rerun-button.js";
