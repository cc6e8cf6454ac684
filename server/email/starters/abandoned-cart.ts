import type { EmailDocumentInput } from "../document";
import { SHOP_URL, showIfAll, starterFooter } from "./shared";

export const abandonedCartStarter: EmailDocumentInput = {
  version: 1,
  subject: "{{ contact.first_name | default: \"Hi\" }}, you left something in your cart",
  preheader: "Your cart is saved — complete your order in one click.",
  senderName: "Acme Outfitters",
  blocks: [
    { id: "title", type: "heading", level: 1, text: "Still thinking it over?" },
    {
      id: "intro",
      type: "text",
      content: [{ type: "paragraph", runs: [{ type: "text", text: "We saved the items in your cart{% if cart.total %} ({{ cart.total | money: cart.currency }}){% endif %}." }] }],
    },
    { id: "cart-items", type: "products", title: "Your cart", source: "cart", count: 8, fallback: "hide", buttonLabel: "{{ product.quantity }} × view item" },
    { id: "checkout", type: "button", label: "Complete my order", href: `${SHOP_URL}/cart`, style: { align: "center" } },
    {
      id: "free-shipping",
      type: "text",
      showIf: showIfAll({ kind: "score", field: "propensity", valueType: "number", op: "lt", value: 0.3 }),
      content: [{ type: "paragraph", runs: [{ type: "text", text: "Complete your order today and shipping is on us." }] }],
    },
    starterFooter(""),
  ],
};
