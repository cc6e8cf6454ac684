import { parseEmailDocument, type EmailDocument } from "../document";
import { abandonedCartStarter } from "./abandoned-cart";
import { newsletterStarter } from "./newsletter";
import { welcomeStarter } from "./welcome";
import { winBackStarter } from "./win-back";

export const STARTER_TEMPLATES = {
  welcome: { name: "Welcome", document: welcomeStarter },
  abandoned_cart: { name: "Abandoned cart", document: abandonedCartStarter },
  win_back: { name: "Win-back offer", document: winBackStarter },
  newsletter: { name: "Product recommendations newsletter", document: newsletterStarter },
} as const;

export type StarterId = keyof typeof STARTER_TEMPLATES;

/** A starter as a fresh, validated document (a copy: callers may edit it). */
export function starterDocument(id: StarterId): EmailDocument {
  return parseEmailDocument(structuredClone(STARTER_TEMPLATES[id].document));
}
