import type { EmailDocumentInput } from "../document";
import { IMAGE_URL, SHOP_URL, showIfAll, starterFooter } from "./shared";

/** Product recommendations newsletter: the bench's template (11 blocks, 3 conditional, 10+ tokens). */
export const newsletterStarter: EmailDocumentInput = {
  version: 1,
  subject: '{{ contact.first_name | default: "Hello" }}, new picks for you this week',
  preheader: "Fresh arrivals{% if contact.city %} near {{ contact.city }}{% endif %}, picked from what you love.",
  senderName: "Acme Outfitters",
  blocks: [
    { id: "hero", type: "image", src: `${IMAGE_URL}/newsletter-hero.png`, alt: "Acme Outfitters — this week", href: SHOP_URL, width: 600, style: { padding: { top: 0, right: 0, bottom: 0, left: 0 } } },
    { id: "title", type: "heading", level: 1, text: '{{ contact.first_name | default: "Hello" }}, this week’s picks' },
    {
      id: "intro",
      type: "text",
      content: [
        {
          type: "paragraph",
          runs: [
            { type: "text", text: 'Hi {{ contact.first_name | default: "there" }}, ' },
            { type: "text", text: "here is what is new in the shop", bold: true },
            { type: "text", text: "{% if contact.city %} — with same-day pickup in {{ contact.city }}{% endif %}." },
          ],
        },
      ],
    },
    {
      id: "comeback",
      type: "offer",
      showIf: showIfAll({ kind: "score", field: "churn_risk", valueType: "number", op: "gte", value: 0.6 }),
      headline: 'We miss you, {{ contact.first_name | default: "friend" }}',
      text: "Here is 20% off your next order, valid for 7 days.",
      code: "BACK-{{ contact.id }}",
      buttonLabel: "Use my code",
      buttonHref: `${SHOP_URL}/offer?contact={{ contact.id }}`,
      style: { backgroundColor: "#fef3c7", textColor: "#78350f" },
    },
    { id: "picks", type: "products", title: "Picked for you", source: "recommendations", count: 4, fallback: "best_sellers", buttonLabel: "Shop {{ product.name }}" },
    {
      id: "points",
      type: "columns",
      columns: [
        {
          blocks: [
            { id: "points-text", type: "text", content: [{ type: "paragraph", runs: [{ type: "text", text: "You have {{ contact.attributes.loyalty_points | default: 0 }} points to spend." }] }] },
          ],
        },
        { blocks: [{ id: "points-button", type: "button", label: "See my rewards", href: `${SHOP_URL}/rewards`, style: { align: "right" } }] },
      ],
    },
    {
      id: "vip",
      type: "text",
      showIf: showIfAll({ kind: "attribute", field: "attributes.vip_tier", valueType: "string", op: "equals", value: "gold" }),
      content: [{ type: "paragraph", runs: [{ type: "text", text: "As a Gold member you get free express shipping on every order.", italic: true }] }],
    },
    {
      id: "new-york",
      type: "text",
      showIf: showIfAll({ kind: "attribute", field: "city", valueType: "string", op: "equals", value: "New York" }),
      content: [
        {
          type: "paragraph",
          runs: [
            { type: "text", text: "Drop by our SoHo store this Saturday: " },
            { type: "link", text: "RSVP for the launch party", href: `${SHOP_URL}/events/soho` },
          ],
        },
      ],
    },
    { id: "app-banner", type: "image", visibility: "mobile_only", src: `${IMAGE_URL}/app-banner.png`, alt: "Get the Acme app", href: `${SHOP_URL}/app`, width: 600 },
    { id: "rule", type: "divider" },
    starterFooter("You get this newsletter because you joined {{ campaign.name | default: \"Acme Outfitters\" }} updates."),
  ],
};
