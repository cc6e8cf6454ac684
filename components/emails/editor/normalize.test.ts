import { describe, expect, it } from "vitest";
import { STARTER_TEMPLATES, starterDocument } from "@/server/email/starters";
import { normalizeDraft } from "./normalize";

describe("loading a stored draft into the editor", () => {
  it("fills in the defaults a starter leaves out, as the server would", () => {
    expect(normalizeDraft(STARTER_TEMPLATES.newsletter.document)).toEqual(starterDocument("newsletter"));
  });

  it("keeps a draft that does not validate as a whole (an empty subject)", () => {
    const draft = normalizeDraft({ version: 1, subject: "", senderName: "Acme", blocks: [{ id: "h", type: "heading", level: 2, text: "Hi" }] });
    expect(draft.subject).toBe("");
    expect(draft.blocks[0]).toEqual({ id: "h", type: "heading", level: 2, text: "Hi", style: {}, visibility: "all" });
  });

  it("keeps a block that does not parse as it is, for the issues panel to point at", () => {
    const broken = { id: "b", type: "button", label: "Go", href: "https://x.example", buttonColor: "red" };
    expect(normalizeDraft({ version: 1, subject: "s", senderName: "n", blocks: [broken as never] }).blocks[0]).toBe(broken);
  });
});
