import type { SampleSet } from "./types";

export const contactsSamples: SampleSet = {
  inputs: {},
};
