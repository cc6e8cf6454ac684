import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const APP = "https://tailor.example.com";
const post = (headers: Record<string, string>) => new Request("https://tailor.example.com/api/trpc/x", { method: "POST", headers });

describe("isSameOriginRequest", () => {
  it("accepts reads whatever their origin", () => {
    expect(isSameOriginRequest(new Request("https://tailor.example.com/x", { headers: { origin: "https://evil.test" } }), APP)).toBe(true);
  });
  it("accepts a POST from APP_URL or from the host it was sent to", () => {
    expect(isSameOriginRequest(post({ origin: APP }), APP)).toBe(true);
    expect(isSameOriginRequest(post({ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" }), APP)).toBe(true);
  });
  it("refuses a POST from another site", () => {
    expect(isSameOriginRequest(post({ origin: "https://evil.test", host: "tailor.example.com" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "null", host: "tailor.example.com" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "cross-site" }), APP)).toBe(false);
  });
  it("accepts a POST without Origin from a non-browser client", () => {
    expect(isSameOriginRequest(post({}), APP)).toBe(true);
  });
});
