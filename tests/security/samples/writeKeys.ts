import type { SampleSet } from "./types";

export const writeKeySamples: SampleSet = {
  inputs: {},
};
