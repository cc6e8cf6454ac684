import { describe, expect, it } from "vitest";
import { bgNbdExpectedPurchases, bgNbdProbabilityAlive } from "../bgnbd";
import { predictedClv } from "../clv";
import { gammaGammaExpectedSpend } from "../gamma-gamma";
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
  contactId: "1",
  orders: 0,
  purchaseDays: 0,
  monetaryTotal: 0,
  firstPurchaseDay: null,
  lastPurchaseDay: null,
  purchases30d: 0,
  purchases90d: 0,
  engagementHours: new Array<number>(24).fill(0),
  timeZone: null,
  rfm: null,
  products: [],
  purchased: [],
  ...fields,
});

describe("scoring one contact", () => {
  const score = createContactScorer(fitted);

  it("gives a contact without purchases no purchase-model scores, best sellers and the prior's hour", () => {
    const scores = score(row());
    expect(scores).toMatchObject({ probabilityAlive: null, churnRisk: null, expectedPurchases90d: null, predictedClv: null, rfmSegment: null, bestSendHour: 18 });
    expect(scores.recommendations).toEqual(["103", "101", "102"]);
  });

  it("summarises purchase days as BG/NBD's (x, t_x, T) in days", () => {
    expect(historyOf(row({ orders: 4, purchaseDays: 3, firstPurchaseDay: NOW_DAY - 100.4, lastPurchaseDay: NOW_DAY - 10.2 }), NOW_DAY)).toEqual({
      frequency: 2,
      recency: Math.floor(NOW_DAY - 10.2) - Math.floor(NOW_DAY - 100.4),
      age: NOW_DAY - Math.floor(NOW_DAY - 100.4),
    });
  });

  it("matches the models' own figures for a repeat buyer", () => {
    const buyer = row({ orders: 3, purchaseDays: 3, monetaryTotal: 90, firstPurchaseDay: NOW_DAY - 200, lastPurchaseDay: NOW_DAY - 20, rfm: { r: 4, f: 5, m: 3 } });
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
});
