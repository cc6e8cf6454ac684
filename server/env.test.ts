import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("getEnv", () => {
  it("names every missing or invalid setting at once", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("BETTER_AUTH_SECRET", "too-short");
    const { getEnv } = await import("./env");
    expect(() => getEnv()).toThrow(/DATABASE_URL: DATABASE_URL is not set[\s\S]*BETTER_AUTH_SECRET: BETTER_AUTH_SECRET must be at least 32 characters/);
  });
  it("fills in defaults", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://u:p@localhost/db");
    vi.stubEnv("BETTER_AUTH_SECRET", "x".repeat(32));
    vi.stubEnv("APP_URL", "");
    const { getEnv } = await import("./env");
    expect(getEnv()).toMatchObject({ WORKER_CONCURRENCY: 4, SIGN_IN_ATTEMPTS_PER_MINUTE: 10 });
  });
});
