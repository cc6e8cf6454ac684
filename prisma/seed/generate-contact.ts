import { SHOP_URL, type Campaign, type Catalogue } from "./generate-catalogue";
import {
  asciiSlug,
  CONSENT_WORDINGS,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  PLACES,
  PLANS,
  SIGNUP_SOURCES,
} from "./generate-data";
import { cumulativeOf, Random, seedFor } from "./generate-random";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

export type PlannedEvent = { at: number; type: "track" | "page"; name: string; properties: string; revenue: number | null };
export type PlannedConsent = {
  purpose: "email_marketing" | "tracking";
  state: "granted" | "withdrawn" | "denied";
  source: "form" | "preference_page";
  wording: string | null;
  at: number;
};
export type PlannedSuppression = { reason: "hard_bounce" | "complaint" | "unsubscribe"; at: number };

export type PlannedContact = {
  externalId: string | null;
  email: string | null;
  firstName: string;
  lastName: string;
  phone: string | null;
  locale: string;
  timeZone: string;
  country: string;
  region: string;
  city: string;
  attributes: string;
  createdAt: number;
  events: PlannedEvent[];
  consents: PlannedConsent[];
  suppressions: PlannedSuppression[];
};

export type GeneratorWorld = { seed: number; nowMs: number; catalogue: Catalogue; campaigns: Campaign[] };

const placeCumulative = cumulativeOf(PLACES.map((p) => p.weight));
const planCumulative = cumulativeOf(PLANS.weights);
const sourceCumulative = cumulativeOf(SIGNUP_SOURCES.weights);

/**
 * How active contact `index` is, relative to the others: a tenth never did anything (imported
 * subscribers), the rest follow a Pareto law (alpha 1.3, capped) — most do little, a few a lot.
 */
export function activityWeight(seed: number, index: number): number {
  const random = new Random(seedFor(seed, 1, index));
  if (random.chance(0.1)) return 0;
  return Math.min(300, (1 - random.next()) ** (-1 / 1.3));
}

/** Everything about contact `index` with exactly `eventBudget` events; the same for the same seed. */
export function planContact(world: GeneratorWorld, index: number, eventBudget: number): PlannedContact {
  const random = new Random(seedFor(world.seed, 2, index));
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const country = PLACES[random.weighted(placeCumulative)]!;
  const where = random.pick(country.places);
  const hasEmail = !random.chance(0.03);
  const email = hasEmail ? emailFor(random, index, firstName, lastName) : null;
  const externalId = !hasEmail || random.chance(0.8) ? `cus_${(1_000_000 + index).toString(36)}` : null;
  const signupSource = SIGNUP_SOURCES.names[random.weighted(sourceCumulative)]! as keyof typeof CONSENT_WORDINGS;
  const favourite = random.weighted(world.catalogue.categoryCumulative);

  const safeNow = world.nowMs - 60 * MINUTE_MS;
  const joinedAt = Math.floor(safeNow - YEAR_MS * random.next() ** 1.3);
  const activeUntil = random.chance(0.55) ? safeNow - random.next() * 7 * DAY_MS : joinedAt + (safeNow - joinedAt) * random.next();

  const consents: PlannedConsent[] = [];
  const suppressions: PlannedSuppression[] = [];
  let emailWindow: [number, number] | null = null;
  if (email) {
    const draw = random.next();
    const wording = CONSENT_WORDINGS[signupSource];
    if (draw < 0.84) {
      consents.push({ purpose: "email_marketing", state: "granted", source: "form", wording, at: joinedAt });
      let until = world.nowMs;
      if (draw > 0.8) {
        until = joinedAt + (safeNow - joinedAt) * random.next();
        consents.push({ purpose: "email_marketing", state: "withdrawn", source: "preference_page", wording: "Preference centre v2", at: Math.floor(until) });
      }
      emailWindow = [joinedAt, until];
    } else if (draw < 0.92) {
      consents.push({ purpose: "email_marketing", state: "denied", source: "form", wording, at: joinedAt });
    }
  }
  const trackingDraw = random.next();
  if (trackingDraw < 0.95) {
    const state = trackingDraw < 0.85 ? "granted" : "denied";
    consents.push({ purpose: "tracking", state, source: "form", wording: "Cookie banner v4", at: joinedAt });
  }

  const events: PlannedEvent[] = [];
  const sessionsBudget = eventBudget - planEmails(world, random, index, eventBudget, emailWindow, events, consents, suppressions);
  planSessions(world, random, index, sessionsBudget, joinedAt, Math.max(joinedAt, activeUntil), favourite, events);
  events.sort((a, b) => a.at - b.at);

  const loyaltyTier = eventBudget >= 60 ? "platinum" : eventBudget >= 25 ? "gold" : eventBudget >= 8 ? "silver" : "bronze";
  const attributes = JSON.stringify({
    plan: PLANS.names[random.weighted(planCumulative)],
    loyalty_tier: loyaltyTier,
    signup_source: signupSource,
    favorite_category: world.catalogue.categoryNames[favourite],
    accepts_sms: random.chance(0.3),
  });
  const phone = random.chance(0.6) ? `${where.phonePrefix} ${random.int(200, 989)} ${random.int(100, 999)} ${random.int(1000, 9999)}` : null;
  return {
    externalId,
    email,
    firstName,
    lastName,
    phone,
    locale: where.locale,
    timeZone: where.timeZone,
    country: where.country,
    region: where.region,
    city: where.city,
    attributes,
    // Created when they signed up: their consent and first visit come from that moment.
    createdAt: joinedAt,
    events,
    consents,
    suppressions,
  };
}

function emailFor(random: Random, index: number, firstName: string, lastName: string): string {
  const first = asciiSlug(firstName);
  const last = asciiSlug(lastName);
  // The index makes every address unique; names carry no digits, so no two indexes collide.
  const local = [`${first}.${last}${index}`, `${first}${last}${index}`, `${first[0]}${last}${index}`, `${first}_${last}${index}`][
    random.int(0, 3)
  ];
  return `${local}@${random.pick(EMAIL_DOMAINS)}`;
}

/**
 * Campaign emails while consent lasted, with sends, deliveries, opens and clicks; a rare hard
 * bounce, complaint or unsubscribe ends them. Returns how many events it used.
 */
function planEmails(
  world: GeneratorWorld,
  random: Random,
  index: number,
  eventBudget: number,
  window: [number, number] | null,
  events: PlannedEvent[],
  consents: PlannedConsent[],
  suppressions: PlannedSuppression[],
): number {
  if (!window) return 0;
  // Engagement trails a send by up to two days; later campaigns would be cut off by "now".
  const lastSend = Math.min(window[1], world.nowMs - 3 * DAY_MS);
  const eligible = world.campaigns.filter((c) => c.at >= window[0] && c.at < lastSend);
  let budget = Math.min(Math.round(eventBudget * 0.45), eligible.length * 4);
  if (budget === 0) return 0;
  const used = budget;
  const openRate = 0.7 * random.next() ** 1.5;
  const sendShare = Math.min(1, budget / (2.6 * eligible.length));
  const latest = world.nowMs - MINUTE_MS;
  const add = (at: number, name: string, properties: string) => {
    if (budget <= 0) return false;
    events.push({ at: Math.min(Math.floor(at), latest), type: "track", name, properties: `{${properties}}`, revenue: null });
    budget--;
    return true;
  };
  for (const campaign of eligible) {
    if (budget <= 0) break;
    if (!random.chance(sendShare)) continue;
    const sentAt = campaign.at + random.int(0, 40) * MINUTE_MS;
    add(sentAt, "Email Sent", campaign.json);
    if (random.chance(0.004)) {
      add(sentAt + 2 * MINUTE_MS, "Email Bounced", `${campaign.json},"bounce_type":"hard"`);
      suppressions.push({ reason: "hard_bounce", at: sentAt + 2 * MINUTE_MS });
      break;
    }
    add(sentAt + MINUTE_MS, "Email Delivered", campaign.json);
    if (!random.chance(openRate)) continue;
    const openedAt = sentAt + random.int(5, 2 * 24 * 60) * MINUTE_MS;
    add(openedAt, "Email Opened", campaign.json);
    if (random.chance(0.0015)) {
      add(openedAt + MINUTE_MS, "Email Marked as Spam", campaign.json);
      suppressions.push({ reason: "complaint", at: openedAt + MINUTE_MS });
      break;
    }
    if (random.chance(0.012)) {
      const at = openedAt + 2 * MINUTE_MS;
      add(at, "Unsubscribed", campaign.json);
      suppressions.push({ reason: "unsubscribe", at });
      consents.push({ purpose: "email_marketing", state: "withdrawn", source: "preference_page", wording: "One-click unsubscribe", at });
      break;
    }
    if (random.chance(0.3)) {
      add(openedAt + random.int(1, 30) * MINUTE_MS, "Email Link Clicked", `${campaign.json},"link_url":"${SHOP_URL}/collections/${campaign.category}?utm_source=email"`);
    }
  }
  return used - budget;
}

const PAGES = [
  ["/", "Home"],
  ["/collections/new", "New arrivals"],
  ["/collections/sale", "Sale"],
  ["/blog/care-guide", "How to care for wool and leather"],
  ["/stores", "Find a store"],
] as const;

/** Browsing sessions: pages, product views, cart additions, checkouts and orders; abandoned carts arise naturally. */
function planSessions(
  world: GeneratorWorld,
  random: Random,
  index: number,
  budget: number,
  from: number,
  until: number,
  favourite: number,
  events: PlannedEvent[],
) {
  const { products, byCategory, categoryCumulative, categoryNames } = world.catalogue;
  const pickProduct = () => {
    const category = random.chance(0.6) ? favourite : random.weighted(categoryCumulative);
    const list = byCategory[category]!.length > 0 ? byCategory[category]! : byCategory.find((l) => l.length > 0)!;
    return list[Math.floor(list.length * random.next() ** 2)]!;
  };
  let remaining = budget;
  let session = 0;
  while (remaining > 0) {
    let at = session === 0 ? from : from + (until - from) * random.next();
    const sessionId = `s_${index.toString(36)}_${session}`;
    const add = (type: "track" | "page", name: string, properties: string, revenue: number | null = null) => {
      if (remaining <= 0) return false;
      at += random.int(15, 180) * 1000;
      events.push({ at: Math.floor(at), type, name, properties: `{${properties},"session_id":"${sessionId}"}`, revenue });
      remaining--;
      return true;
    };
    const [path, title] = random.chance(0.5)
      ? [`/collections/${categoryNames[favourite]}`, categoryNames[favourite]!]
      : random.pick(PAGES);
    add("page", "Page Viewed", `"path":"${path}","title":"${title}","url":"${SHOP_URL}${path}"`);
    const viewed: number[] = [];
    for (let v = random.int(1, 4); v > 0; v--) {
      const product = pickProduct();
      viewed.push(product);
      add("track", "Product Viewed", products[product]!.json);
    }
    if (random.chance(0.28)) {
      const cartId = `cart_${index.toString(36)}_${session}`;
      const cart = viewed.slice(0, random.int(1, Math.min(2, viewed.length)));
      const lines = cart.map((p) => ({ product: products[p]!, quantity: random.chance(0.85) ? 1 : 2 }));
      for (const line of lines) add("track", "Product Added", `${line.product.json},"quantity":${line.quantity},"cart_id":"${cartId}"`);
      const value = Math.round(lines.reduce((sum, l) => sum + l.product.price * l.quantity, 0) * 100) / 100;
      const items = `[${lines.map((l) => `{${l.product.json},"quantity":${l.quantity}}`).join(",")}]`;
      if (random.chance(0.5)) {
        const checkoutId = `chk_${index.toString(36)}_${session}`;
        add("track", "Checkout Started", `"checkout_id":"${checkoutId}","cart_id":"${cartId}","value":${value},"currency":"USD","products":${items}`);
        if (random.chance(0.75)) {
          at += random.int(1, 8) * MINUTE_MS;
          add(
            "track",
            "Order Completed",
            `"order_id":"ord_${index.toString(36)}_${session}","checkout_id":"${checkoutId}","total":${value},"revenue":${value},"currency":"USD","products":${items}`,
            value,
          );
        }
      }
    }
    session++;
  }
}
