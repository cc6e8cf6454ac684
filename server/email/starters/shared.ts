import type { Condition } from "../../segments/definition";
import type { ShowIf } from "../conditions";
import type { EmailDocumentInput } from "../document";

type FooterInput = Extract<EmailDocumentInput["blocks"][number], { type: "footer" }>;

/** The footer every starter ends with: the unsubscribe link and postal address the law requires. */
export function starterFooter(note: string): FooterInput {
  return {
    id: "footer",
    type: "footer",
    note,
    social: [
      { network: "instagram", href: "https://instagram.com/acmeoutfitters" },
      { network: "facebook", href: "https://facebook.com/acmeoutfitters" },
    ],
    postalAddress: "Acme Outfitters · 120 Harbor Street · Portland, OR 97204 · USA",
    unsubscribeLabel: "Unsubscribe",
    unsubscribeHref: "{{ unsubscribe_url }}",
    style: { align: "center", textColor: "#6b7280" },
  };
}

export const SHOP_URL = "https://shop.example.com";
export const IMAGE_URL = "https://cdn.example.com/tailor";

/** A show-if group in which every condition must hold (the segment builder's default shape). */
export function showIfAll(...conditions: Condition[]): ShowIf {
  return { kind: "group", op: "and", children: conditions };
}
