import { describe, expect, it } from "vitest";
import { mapTraitsToProfile, normalizeEmail } from "./profile-traits";

describe("mapTraitsToProfile", () => {
  it("maps Segment's reserved traits, in either spelling, onto built-in columns", () => {
    const profile = mapTraitsToProfile({ firstName: "Ada", last_name: "Lovelace", phone: "+44 20 7946 0000", timezone: "Europe/London", locale: "en-GB" });
    expect(profile.columns).toEqual({ firstName: "Ada", lastName: "Lovelace", phone: "+44 20 7946 0000", timeZone: "Europe/London", locale: "en-GB" });
    expect(profile.attributes).toEqual({});
  });

  it("takes country, state and city out of the address and keeps its other parts as an attribute", () => {
    const profile = mapTraitsToProfile({ address: { country: "FR", state: "Île-de-France", city: "Paris", street: "1 rue de Rivoli" } });
    expect(profile.columns).toEqual({ country: "FR", region: "Île-de-France", city: "Paris" });
    expect(profile.attributes).toEqual({ address: { street: "1 rue de Rivoli" } });
  });

  it("puts every other trait into attributes and leaves identity traits out", () => {
    const profile = mapTraitsToProfile({ email: "a@b.co", userId: "u1", plan: "pro", logins: 4, tags: ["vip"] });
    expect(profile.attributes).toEqual({ plan: "pro", logins: 4, tags: ["vip"] });
    expect(profile.columns).toEqual({});
  });

  it("splits a full name when no first or last name is given, and keeps it as an attribute otherwise", () => {
    expect(mapTraitsToProfile({ name: "Grace Brewster Hopper" }).columns).toEqual({ firstName: "Grace", lastName: "Brewster Hopper" });
    expect(mapTraitsToProfile({ name: "Grace Hopper", firstName: "Amazing" })).toEqual({
      columns: { firstName: "Amazing" },
      attributes: { name: "Grace Hopper" },
    });
  });

  it("uses context values only for columns the traits leave empty", () => {
    expect(mapTraitsToProfile({ locale: "fr-FR" }, { locale: "en-US", timeZone: "America/New_York" }).columns).toEqual({
      locale: "fr-FR",
      timeZone: "America/New_York",
    });
  });

  it("keeps a trait whose value cannot fill its column (an object as phone) as an attribute", () => {
    expect(mapTraitsToProfile({ phone: { mobile: "123" }, city: "  " })).toEqual({ columns: {}, attributes: { phone: { mobile: "123" }, city: "  " } });
  });
});

describe("normalizeEmail", () => {
  it("lower-cases and trims an address, and refuses what is not one", () => {
    expect(normalizeEmail("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(normalizeEmail("not an email")).toBeNull();
    expect(normalizeEmail(42)).toBeNull();
  });
});
