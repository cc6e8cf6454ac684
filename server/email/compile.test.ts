import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { compileTemplate, renderForRecipient, TemplateCompileError } from "./compile";
import { EMAIL_HTML_RULES } from "./html-rules";
import { renderWithReactEmail } from "./render-reference";
import { generateRecipients, sampleSendContext } from "./sample-recipients";
import { STARTER_TEMPLATES, starterDocument, type StarterId } from "./starters";
import { documentWith, recipientWith } from "./test-support";

const send = sampleSendContext();
const recipients = generateRecipients(25, 11);
const starters = Object.keys(STARTER_TEMPLATES) as StarterId[];
const GMAIL_CLIPPING_BYTES = 102 * 1024;

describe.each(starters)("the %s starter", (id) => {
  const document = starterDocument(id);

  it("renders HTML that passes the email HTML rules for every sample recipient", async () => {
    const compiled = await compileTemplate(document);
    const validator = new HtmlValidate(EMAIL_HTML_RULES);
    for (const recipient of recipients.slice(0, 5)) {
      const report = await validator.validateString(renderForRecipient(compiled, recipient, send).html);
      expect(report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });

  it("stays under Gmail's 102 KB clipping limit", async () => {
    const compiled = await compileTemplate(document);
    for (const recipient of recipients) {
      expect(Buffer.byteLength(renderForRecipient(compiled, recipient, send).html)).toBeLessThan(GMAIL_CLIPPING_BYTES);
    }
  });

  it("is byte-identical to a per-recipient react-email render", { timeout: 60_000 }, async () => {
    const compiled = await compileTemplate(document);
    for (const recipient of recipients) {
      expect(renderForRecipient(compiled, recipient, send)).toEqual(await renderWithReactEmail(document, recipient, send));
    }
  });
});

describe("compileTemplate and renderForRecipient", () => {
  it("keeps the Liquid in the compiled HTML and lays the email out 600 px wide, in tables", async () => {
    const compiled = await compileTemplate(starterDocument("newsletter"));
    expect(compiled.htmlTemplate).toContain('{{ contact.first_name | default: "there" }}');
    expect(compiled.htmlTemplate).toContain("{% if tailor_visible[0] %}");
    expect(compiled.htmlTemplate).toMatch(/<table align="center" width="600" class="tl-content"/);
    expect(compiled.htmlTemplate).not.toMatch(/<link [^>]*stylesheet/);
  });

  it("escapes a <script> first name in the HTML and keeps it as text in the subject", async () => {
    const compiled = await compileTemplate(starterDocument("newsletter"));
    const email = renderForRecipient(compiled, recipientWith({ contact: { first_name: "<script>alert(1)</script>" } }), send);
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;, this week");
    expect(email.subject).toBe("<script>alert(1)</script>, new picks for you this week");
  });

  it("keeps line breaks in contact data out of the subject line", async () => {
    const compiled = await compileTemplate(starterDocument("newsletter"));
    const email = renderForRecipient(compiled, recipientWith({ contact: { first_name: "Bob\r\nBcc: victim@example.com" } }), send);
    expect(email.subject).toBe("Bob Bcc: victim@example.com, new picks for you this week");
  });

  it("shows a conditional block only to the recipients its condition selects", async () => {
    const document = documentWith([
      { id: "vip", type: "heading", level: 2, text: "VIP corner", showIf: { kind: "group", op: "and", children: [{ kind: "segment", segmentId: "seg-vip", member: true }] } },
      { id: "ny", type: "heading", level: 2, text: "New York news", showIf: { kind: "group", op: "and", children: [{ kind: "attribute", field: "city", valueType: "string", op: "equals", value: "New York" }] } },
    ]);
    const compiled = await compileTemplate(document);
    const vip = renderForRecipient(compiled, recipientWith({ segments: ["seg-vip"], contact: { city: "Boston" } }), send);
    const newYorker = renderForRecipient(compiled, recipientWith({ contact: { city: "New York" } }), send);
    expect([vip.html.includes("VIP corner"), vip.html.includes("New York news")]).toEqual([true, false]);
    expect([newYorker.html.includes("VIP corner"), newYorker.html.includes("New York news")]).toEqual([false, true]);
    expect(newYorker.text).toContain("New York news");
    expect(newYorker.text).not.toContain("VIP corner");
  });

  it("marks device-only blocks for the mobile breakpoint and hides mobile-only blocks by default", async () => {
    const document = documentWith([
      { id: "wide", type: "heading", level: 2, text: "Desktop banner", visibility: "desktop_only" },
      { id: "narrow", type: "heading", level: 2, text: "Mobile banner", visibility: "mobile_only" },
    ]);
    const email = renderForRecipient(await compileTemplate(document), recipientWith(), send);
    expect(email.html).toMatch(/class="tl-text tl-desktop-only"/);
    expect(email.html).toMatch(/class="tl-text tl-mobile-only" style="display:none;max-height:0;overflow:hidden;mso-hide:all/);
    expect(email.html).toContain("@media only screen and (max-width:620px)");
    expect(email.html).toContain("@media (prefers-color-scheme:dark)");
    expect(email.text).toContain("Desktop banner");
    expect(email.text).not.toContain("Mobile banner");
  });

  it("fills a recommendations block from the contact, then from best sellers, or hides it", async () => {
    const block = { id: "recs", type: "products" as const, title: "For you", source: "recommendations" as const, count: 2 };
    const withFallback = await compileTemplate(documentWith([block]));
    const hidden = await compileTemplate(documentWith([{ ...block, fallback: "hide" }]));
    const own = [{ id: "9", name: "Own Pick", category: null, price: 10, currency: "USD", image_url: "https://cdn.example.com/9.jpg", url: "https://shop.example.com/9" }];
    expect(renderForRecipient(withFallback, recipientWith({ recommendations: own }), send).text).toContain("Own Pick — $10.00");
    const bestSeller = send.catalogue.best_sellers[0]?.name ?? "";
    expect(renderForRecipient(withFallback, recipientWith({ recommendations: [] }), send).text).toContain(bestSeller);
    expect(renderForRecipient(hidden, recipientWith({ recommendations: [] }), send).html).not.toContain("For you");
  });

  it("lists the cart items of an abandoned cart", async () => {
    const compiled = await compileTemplate(starterDocument("abandoned_cart"));
    const recipient = generateRecipients(50, 3).find((r) => r.cart !== null);
    const email = renderForRecipient(compiled, recipient!, send);
    for (const item of recipient!.cart!.items) expect(email.text).toContain(`${item.quantity} × view item`);
  });

  it("writes the plain-text part with links spelled out and no markup", async () => {
    const document = documentWith([
      { id: "h", type: "heading", level: 1, text: "Hello {{ contact.first_name }}" },
      { id: "t", type: "text", content: [{ type: "list", ordered: true, items: [[{ type: "text", text: "One" }], [{ type: "link", text: "Two", href: "https://example.com/2" }]] }] },
      { id: "b", type: "button", label: "Shop", href: "https://example.com/shop" },
    ]);
    const email = renderForRecipient(await compileTemplate(document), recipientWith({ contact: { first_name: "Ava & Bo" } }), send);
    expect(email.text).toMatch(/^Hello Ava & Bo\n\n1\. One\n2\. Two \(https:\/\/example\.com\/2\)\n\nShop: https:\/\/example\.com\/shop\n\n/);
    expect(email.text).toMatch(/Unsubscribe: https:\/\/tailor\.example\.com\/u\/\d+\?t=abc&sig=\w+\n$/);
  });

  it("keeps whitespace control inside its own field in the text part", async () => {
    const document = documentWith([
      { id: "a", type: "heading", level: 2, text: "First" },
      { id: "b", type: "heading", level: 2, text: "{{- contact.first_name -}}" },
    ]);
    const recipient = recipientWith({ contact: { first_name: "Ava" } });
    const email = renderForRecipient(await compileTemplate(document), recipient, send);
    expect(email.text).toMatch(/^First\n\nAva\n\n/);
    expect(email).toEqual(await renderWithReactEmail(document, recipient, send));
  });

  it("refuses to compile broken Liquid and names the block", async () => {
    const document = documentWith([{ id: "broken", type: "heading", level: 1, text: "Hi {% if contact.city %}" }]);
    const error = await compileTemplate(document).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateCompileError);
    expect((error as TemplateCompileError).issues[0]).toMatchObject({ blockId: "broken", kind: "syntax" });
  });

  it("renders unknown variables as empty rather than failing a send", async () => {
    const compiled = await compileTemplate(documentWith([{ id: "h", type: "heading", level: 1, text: "[{{ contact.nickname }}]" }]));
    expect(renderForRecipient(compiled, recipientWith(), send).text).toMatch(/^\[\]/);
  });
});
