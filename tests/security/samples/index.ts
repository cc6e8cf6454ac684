import { contactsSamples } from "./contacts";
import { emailSamples } from "./emails";
import { foundationSamples } from "./foundation";
import { importSamples } from "./imports";
import { scoreSamples } from "./scores";
import { segmentSamples } from "./segments";
import { writeKeySamples } from "./writeKeys";
import type { SampleSet } from "./types";

// One sample set per domain; a domain adding procedures adds its inputs to its own set.
export const SAMPLE_SETS: Record<string, SampleSet> = {
  foundation: foundationSamples,
  contacts: contactsSamples,
  writeKeys: writeKeySamples,
  imports: importSamples,
  segments: segmentSamples,
  emails: emailSamples,
  scores: scoreSamples,
};
