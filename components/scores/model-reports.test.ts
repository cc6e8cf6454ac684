import { describe, expect, it } from "vitest";
import { modelProblem, validationFigures, validationSentence } from "./model-reports";

describe("validation figures", () => {
  it("labels and formats the figures the pipeline reports, in its order", () => {
    expect(validationFigures({ auc: 0.78512, bgnbdAuc: 0.7761, logLoss: 0.3012, testContacts: 4812 })).toEqual([
      { key: "auc", label: "ROC AUC", value: "0.785" },
      { key: "bgnbdAuc", label: "BG/NBD baseline AUC (buyers)", value: "0.776" },
      { key: "logLoss", label: "Log loss", value: "0.301" },
      { key: "testContacts", label: "Held-out contacts", value: "4,812" },
    ]);
  });

  it("names the silhouette of every k tried", () => {
    expect(validationFigures({ silhouette: 0.41, silhouetteK2: 0.3 })).toEqual([
      { key: "silhouette", label: "Silhouette", value: "0.410" },
      { key: "silhouetteK2", label: "Silhouette at k = 2", value: "0.300" },
    ]);
  });

  it("shows figures it does not know under a readable name", () => {
    expect(validationFigures({ meanAbsoluteError: 0.12345, holdoutWeeks: 39 })).toEqual([
      { key: "meanAbsoluteError", label: "Mean absolute error", value: "0.123" },
      { key: "holdoutWeeks", label: "Holdout weeks", value: "39" },
    ]);
  });

  it("leaves out figures that are not finite numbers", () => {
    expect(validationFigures({ auc: Number.NaN, customers: 3 })).toEqual([{ key: "customers", label: "Customers fitted", value: "3" }]);
    expect(validationFigures(undefined)).toEqual([]);
  });
});

describe("validation in words", () => {
  it("reads the propensity AUC over all contacts, and on past buyers against the baseline", () => {
    expect(validationSentence("propensity", { validation: { auc: 0.852, purchaserAuc: 0.785, bgnbdAuc: 0.776 } })).toBe(
      "On the held-out period the model ranks a buyer above a non-buyer 85.2% of the time (AUC 0.852 over all contacts; among past buyers 0.785, against 0.776 for the BG/NBD baseline).",
    );
    expect(validationSentence("propensity", { validation: { auc: 0.852 } })).toBe(
      "On the held-out period the model ranks a buyer above a non-buyer 85.2% of the time (AUC 0.852 over all contacts).",
    );
  });

  it("reads recommendation recall against best sellers", () => {
    expect(validationSentence("recommendations", { validation: { recallAt10: 0.7, bestSellerRecallAt10: 0.2 } })).toBe(
      "The held-out last purchase is among the top 10 recommendations for 70.0% of customers (best sellers: 20.0%).",
    );
  });

  it("reads the chosen number of clusters", () => {
    expect(validationSentence("clusters", { params: { k: 4 }, validation: { silhouette: 0.41 } })).toBe(
      "4 clusters gave the best silhouette (0.410).",
    );
  });

  it("reads how many customers the BG/NBD model was fitted on", () => {
    expect(validationSentence("bgnbd", { validation: { customers: 1834, logLikelihood: -9582.43 } })).toBe(
      "Fitted by maximum likelihood on 1,834 customers' purchase histories.",
    );
  });

  it("says nothing when the figures are missing", () => {
    expect(validationSentence("propensity", {})).toBeNull();
    expect(validationSentence("rfm", { validation: { contacts: 5 } })).toBeNull();
  });
});

describe("skipped and failed models", () => {
  it("gives the pipeline's reason", () => {
    expect(modelProblem({ status: "skipped", reason: "Too few repeat customers (12) to fit.", version: "1" })).toBe(
      "Too few repeat customers (12) to fit.",
    );
  });

  it("falls back to a generic sentence and says nothing for fitted models", () => {
    expect(modelProblem({ status: "failed", version: "1" })).toBe("This model failed in the last run.");
    expect(modelProblem({ status: "ok", version: "1" })).toBeNull();
  });
});
