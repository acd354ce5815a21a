// The "Re-run in your browser" button of every derivation. It is made by rerunButton(resultId) of
// src/components/rerun-button.ts (branch i-verify); until that is merged there is none and derivations show no
// button. Integrator: replace the line below with
//   export {rerunButton as rerun} from "./rerun-button.js";
export const rerun: ((resultId: string) => HTMLElement) | undefined = undefined;
