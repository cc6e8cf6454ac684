import { describe, expect, it } from "vitest";
import { bgNbdExpectedPurchases, bgNbdProbabilityAlive } from "../bgnbd";
import { predictedClv } from "../clv";
import { gammaGammaExpectedSpend } from "../gamma-gamma";
import type { LogisticModel } from "../logistic-regression";
import { emptySnapshot, PROPENSITY_FEATURE_NAMES } from "../propensity-features";
import { createContactScorer, historyOf, type ContactRow } from "./contact-row";
import { CLV_HORIZON, type FittedModels } from "./fitted-models";

const AS_OF = "2026-11-20T12:00:00.000Z";
const NOW_DAY = new Date(AS_OF).getTime() / 86_400_000;

const fitted: FittedModels = {
  asOf: AS_OF,
  eventWatermark: null,
  bgnbd: { r: 0.25, alpha: 40, a: 0.8, b: 2.4 },
  gammaGamma: { p: 6.2, q: 3.7, gamma: 15.4 },
  propensity: null,
  clusters: null,
  recommender: {
    productIds: ["101", "102", "103"],
    neighborOffsets: [0, 1, 2, 2],
    neighborIds: [1, 0],
    neighborScores: [0.9, 0.9],
    bestSellers: [2, 0, 1],
  },
  sendHourPrior: Array.from({ length: 24 }, (_, h) => (h === 18 ? 0.5 : 0.5 / 23)),
};

const row = (fields: Partial<ContactRow> = {}): ContactRow => ({
  ...emptySnapshot(NOW_DAY - 100),
  contactId: "1",
  purchaseDays: 0,
  repeatMonetaryTotal: 0,
  engagementHours: new Array<number>(24).fill(0),
  activityHours: new Array<number>(24).fill(0),
  purchaseHours: new Array<number>(24).fill(0),
  timeZone: null,
  rfm: null,
  products: [],
  purchased: [],
  ...fields,
});

// Intercept −3, and only the 30-day session count and buying before matter.
const propensity: LogisticModel = {
  featureNames: PROPENSITY_FEATURE_NAMES,
  logScaled: PROPENSITY_FEATURE_NAMES.map(() => false),
  standardizer: { means: PROPENSITY_FEATURE_NAMES.map(() => 0), scales: PROPENSITY_FEATURE_NAMES.map(() => 1) },
  intercept: -3,
  coefficients: PROPENSITY_FEATURE_NAMES.map((name) => (name === "sessions_30d" ? 0.5 : name === "has_purchased" ? 1 : 0)),
  l2: 1,
  iterations: 5,
  converged: true,
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe("scoring one contact", () => {
  const score = createContactScorer(fitted);

  it("gives a contact without purchases no purchase-model scores, best sellers and the prior's hour", () => {
    const scores = score(row());
    expect(scores).toMatchObject({ probabilityAlive: null, churnRisk: null, expectedPurchases90d: null, predictedClv: null, rfmSegment: null, bestSendHour: 18 });
    expect(scores.recommendations).toEqual(["103", "101", "102"]);
  });

  it("gives every contact a purchase probability: the base rate without events, more with recent visits", () => {
    const scoreAll = createContactScorer({ ...fitted, propensity });
    expect(scoreAll(row()).propensity30d).toBeCloseTo(sigmoid(-3), 12);
    expect(scoreAll(row({ sessions7d: 1, sessions30d: 4, sessions90d: 4, lastActivityDay: NOW_DAY - 2 })).propensity30d).toBeCloseTo(sigmoid(-1), 12);
    const buyer = row({ orders: 1, purchaseDays: 1, monetaryTotal: 40, firstPurchaseDay: NOW_DAY - 20, lastPurchaseDay: NOW_DAY - 20 });
    expect(scoreAll(buyer).propensity30d).toBeCloseTo(sigmoid(-2), 12);
  });

  it("expects a one-time buyer to spend the population mean, a repeat buyer near their repeat orders' mean", () => {
    const { p, q, gamma } = fitted.gammaGamma!;
    const oneTime = row({ orders: 1, purchaseDays: 1, monetaryTotal: 500, firstPurchaseDay: NOW_DAY - 30, lastPurchaseDay: NOW_DAY - 30 });
    expect(score(oneTime).expectedSpend).toBeCloseTo((p * gamma) / (q - 1), 12);
    // First order 500, then 20 and 40 on two later days: z̄ = 30 over x = 2 repeat transactions.
    const repeat = row({ orders: 3, purchaseDays: 3, monetaryTotal: 560, repeatMonetaryTotal: 60, firstPurchaseDay: NOW_DAY - 90, lastPurchaseDay: NOW_DAY - 10 });
    expect(score(repeat).expectedSpend).toBeCloseTo((p * (gamma + 2 * 30)) / (p * 2 + q - 1), 12);
  });

  it("names a one-time buyer by recency even when the ranks lift its F score", () => {
    const oneTime = row({ orders: 1, purchaseDays: 1, monetaryTotal: 40, firstPurchaseDay: NOW_DAY - 3, lastPurchaseDay: NOW_DAY - 3, rfm: { r: 5, f: 4, m: 3 } });
    expect(score(oneTime).rfmSegment).toBe("New");
  });

  it("summarises purchase days as BG/NBD's (x, t_x, T) in days", () => {
    expect(historyOf(row({ orders: 4, purchaseDays: 3, firstPurchaseDay: NOW_DAY - 100.4, lastPurchaseDay: NOW_DAY - 10.2 }), NOW_DAY)).toEqual({
      frequency: 2,
      recency: Math.floor(NOW_DAY - 10.2) - Math.floor(NOW_DAY - 100.4),
      age: NOW_DAY - Math.floor(NOW_DAY - 100.4),
    });
  });

  it("matches the models' own figures for a repeat buyer", () => {
    const buyer = row({ orders: 3, purchaseDays: 3, monetaryTotal: 90, repeatMonetaryTotal: 60, firstPurchaseDay: NOW_DAY - 200, lastPurchaseDay: NOW_DAY - 20, rfm: { r: 4, f: 5, m: 3 } });
    const history = historyOf(buyer, NOW_DAY)!;
    const scores = score(buyer);
    const alive = bgNbdProbabilityAlive(fitted.bgnbd!, history);
    const spend = gammaGammaExpectedSpend(fitted.gammaGamma!, 2, 30);
    expect(scores.probabilityAlive).toBeCloseTo(alive, 12);
    expect(scores.churnRisk).toBeCloseTo(1 - alive, 12);
    expect(scores.expectedPurchases90d).toBeCloseTo(bgNbdExpectedPurchases(fitted.bgnbd!, history, 90), 12);
    expect(scores.expectedSpend).toBeCloseTo(spend, 12);
    expect(scores.predictedClv).toBeCloseTo(predictedClv(fitted.bgnbd!, history, spend, CLV_HORIZON), 9);
    expect(scores.rfmSegment).toBe("Loyal");
  });

  it("recommends neighbours of what a contact viewed, never what they bought", () => {
    expect(score(row({ products: ["101"], purchased: [false] })).recommendations.slice(0, 1)).toEqual(["102"]);
    expect(score(row({ products: ["101", "102"], purchased: [true, false] })).recommendations).not.toContain("101");
  });

  it("picks the send hour in the contact's own time zone", () => {
    const hours = new Array<number>(24).fill(0);
    hours[7] = 30; // 07:00 UTC = 08:00 in Amsterdam in November
    expect(score(row({ engagementHours: hours, timeZone: "Europe/Amsterdam" })).bestSendHour).toBe(8);
  });

  it("reads the send hour from site visits and orders when the contact never opens email", () => {
    const visits = new Array<number>(24).fill(0);
    visits[1] = 12; // 01:00 UTC = 20:00 the day before in New York in November
    expect(score(row({ activityHours: visits, timeZone: "America/New_York" })).bestSendHour).toBe(20);
  });
});
