import { describe, expect, it } from "vitest";
import { customNameFromHeader, parseFieldKey } from "./fields";
import { suggestMapping } from "./suggest-mapping";

describe("suggestMapping", () => {
  it("recognizes the usual contact headers in English and common variants", () => {
    expect(
      suggestMapping("contacts", ["E-mail", "First Name", "surname", "Mobile", "Time zone", "Country", "Customer ID", "Newsletter", "Vorname"]),
    ).toEqual(["email", "first_name", "last_name", "phone", "time_zone", "country", "external_id", "consent_email_marketing", "attribute:vorname"]);
  });

  it("suggests each field once and turns other headers into custom attributes", () => {
    expect(suggestMapping("contacts", ["email", "Email Address", "Loyalty Tier", "", "42"])).toEqual([
      "email",
      "attribute:email_address",
      "attribute:loyalty_tier",
      null,
      null,
    ]);
  });

  it("recognizes event headers and makes other columns event properties", () => {
    expect(suggestMapping("events", ["customer_id", "Order Date", "Amount", "Event", "Order ID", "SKU"])).toEqual([
      "external_id",
      "occurred_at",
      "revenue",
      "event_name",
      "message_id",
      "property:sku",
    ]);
  });
});

describe("parseFieldKey", () => {
  it("accepts standard fields and custom names of the import's kind only", () => {
    expect(parseFieldKey("contacts", "first_name")).toEqual({ type: "standard", field: "first_name" });
    expect(parseFieldKey("contacts", "attribute:plan")).toEqual({ type: "custom", name: "plan" });
    expect(parseFieldKey("contacts", "revenue")).toBeNull();
    expect(parseFieldKey("events", "attribute:plan")).toBeNull();
    expect(parseFieldKey("events", "property:sku")).toEqual({ type: "custom", name: "sku" });
    expect(parseFieldKey("contacts", "attribute:has space")).toBeNull();
  });

  it("makes attribute names from headers", () => {
    expect(customNameFromHeader(" Loyalty Tier ")).toBe("loyalty_tier");
    expect(customNameFromHeader("2nd address")).toBe("nd_address");
    expect(customNameFromHeader("€€")).toBeNull();
  });
});
