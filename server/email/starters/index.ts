import { parseEmailDocument, type EmailDocument } from "../document";
import { abandonedCartStarter } from "./abandoned-cart";
import { newsletterStarter } from "./newsletter";
import { welcomeStarter } from "./welcome";
import { winBackStarter } from "./win-back";

export const STARTER_TEMPLATES = {
  welcome: { name: "Welcome", description: "Greets a new subscriber and points to the shop's best sellers.", document: welcomeStarter },
  abandoned_cart: { name: "Abandoned cart", description: "Lists the items left in the cart, with a free-shipping nudge for hesitant buyers.", document: abandonedCartStarter },
  win_back: { name: "Win-back offer", description: "A discount code for customers at risk of churning.", document: winBackStarter },
  newsletter: { name: "Product recommendations newsletter", description: "Personal picks, loyalty points and local news, with conditional blocks.", document: newsletterStarter },
} as const;

export type StarterId = keyof typeof STARTER_TEMPLATES;

/** A starter as a fresh, validated document (a copy: callers may edit it). */
export function starterDocument(id: StarterId): EmailDocument {
  return parseEmailDocument(structuredClone(STARTER_TEMPLATES[id].document));
}
