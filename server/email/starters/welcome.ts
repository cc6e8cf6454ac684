import type { EmailDocumentInput } from "../document";
import { IMAGE_URL, SHOP_URL, starterFooter } from "./shared";

export const welcomeStarter: EmailDocumentInput = {
  version: 1,
  subject: 'Welcome to Acme Outfitters, {{ contact.first_name | default: "friend" }}',
  preheader: "Your 10% welcome code is inside.",
  senderName: "Acme Outfitters",
  blocks: [
    { id: "logo", type: "image", src: `${IMAGE_URL}/logo.png`, alt: "Acme Outfitters", width: 160, style: { align: "center" } },
    { id: "title", type: "heading", level: 1, text: 'Welcome, {{ contact.first_name | default: "friend" }}!', style: { align: "center" } },
    {
      id: "intro",
      type: "text",
      content: [
        { type: "paragraph", runs: [{ type: "text", text: "Thanks for joining. Here is what you can expect from us:" }] },
        {
          type: "list",
          ordered: false,
          items: [[{ type: "text", text: "New arrivals every Thursday" }], [{ type: "text", text: "Members-only offers", bold: true }], [{ type: "text", text: "Free returns for 60 days" }]],
        },
      ],
    },
    { id: "welcome-offer", type: "offer", headline: "10% off your first order", code: "WELCOME10", buttonLabel: "Start shopping", buttonHref: SHOP_URL },
    { id: "best", type: "products", title: "Our best sellers", source: "best_sellers", count: 3, fallback: "hide", buttonLabel: "View" },
    starterFooter(""),
  ],
};
