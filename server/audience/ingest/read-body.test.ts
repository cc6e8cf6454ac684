import { describe, expect, it } from "vitest";
import { readBodyWithin } from "./read-body";

function streamed(parts: string[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
  return new Request("http://localhost/api/v1/batch", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readBodyWithin", () => {
  it("reads a body within the limit as UTF-8", async () => {
    expect(await readBodyWithin(streamed(['{"name":', '"Zoë"}']), 100)).toEqual({ ok: true, text: '{"name":"Zoë"}', bytes: 15 });
  });

  it("stops reading once a body without Content-Length passes the limit", async () => {
    expect(await readBodyWithin(streamed(["x".repeat(60), "x".repeat(60)]), 100)).toEqual({ ok: false, tooLarge: true });
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = new Request("http://localhost/", { method: "POST", body: "x".repeat(200), headers: { "content-length": "200" } });
    expect(await readBodyWithin(request, 100)).toEqual({ ok: false, tooLarge: true });
  });
});
