import { describe, expect, it } from "vitest";
import { pickActiveWorkspace, readCookie } from "./viewer";

const workspaces = [
  { workspaceId: "a", workspaceName: "Acme", role: "admin" as const },
  { workspaceId: "b", workspaceName: "Beta", role: "manager" as const },
];

describe("pickActiveWorkspace", () => {
  it("uses the workspace the cookie names when the user is a member of it", () => {
    expect(pickActiveWorkspace(workspaces, "b")?.workspaceId).toBe("b");
  });
  it("falls back to the first membership for a workspace the user does not belong to", () => {
    expect(pickActiveWorkspace(workspaces, "someone-elses")?.workspaceId).toBe("a");
    expect(pickActiveWorkspace(workspaces, undefined)?.workspaceId).toBe("a");
  });
  it("is null for a user without memberships", () => {
    expect(pickActiveWorkspace([], "a")).toBeNull();
  });
});

describe("readCookie", () => {
  it("reads one cookie among several, decoding its value", () => {
    const headers = new Headers({ cookie: "x=1; tailor_workspace=ab%20c; y=2" });
    expect(readCookie(headers, "tailor_workspace")).toBe("ab c");
    expect(readCookie(headers, "missing")).toBeUndefined();
    expect(readCookie(new Headers(), "x")).toBeUndefined();
  });
});
