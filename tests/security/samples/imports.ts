import type { SampleSet } from "./types";

export const importSamples: SampleSet = {
  inputs: {},
};
