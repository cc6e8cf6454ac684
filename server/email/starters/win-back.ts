import type { EmailDocumentInput } from "../document";
import { IMAGE_URL, SHOP_URL, showIfAll, starterFooter } from "./shared";

export const winBackStarter: EmailDocumentInput = {
  version: 1,
  subject: "{{ contact.first_name | default: \"Friend\" }}, here is 20% to come back",
  preheader: "It has been a while — your code is waiting.",
  senderName: "Acme Outfitters",
  blocks: [
    {
      id: "offer",
      type: "offer",
      imageSrc: `${IMAGE_URL}/win-back.png`,
      imageAlt: "New season collection",
      headline: 'We miss you, {{ contact.first_name | default: "friend" }}',
      text: "Take 20% off everything for the next 7 days.",
      code: "COMEBACK20",
      buttonLabel: "Shop the new season",
      buttonHref: `${SHOP_URL}/new?utm_campaign={{ campaign.id }}`,
    },
    {
      id: "high-value",
      type: "text",
      showIf: showIfAll({ kind: "score", field: "predicted_clv", valueType: "number", op: "gte", value: 500 }),
      content: [{ type: "paragraph", runs: [{ type: "text", text: "As one of our best customers, your code also includes free express shipping.", bold: true }] }],
    },
    { id: "recs", type: "products", title: "Picked for you", source: "recommendations", count: 3, fallback: "best_sellers", buttonLabel: "See it" },
    starterFooter(""),
  ],
};
