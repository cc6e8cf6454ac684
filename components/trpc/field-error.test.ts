import { describe, expect, it } from "vitest";
import { fieldErrorOf } from "./field-error";

describe("fieldErrorOf", () => {
  it("takes the first zod issue on the field", () => {
    const error = { message: "Invalid input", data: { fieldErrors: { name: ["Enter a name", "Too short"] } } };
    expect(fieldErrorOf(error, "name")).toBe("Enter a name");
    expect(fieldErrorOf(error, "email")).toBeNull();
  });

  it("takes the message of a user-facing error that names the field", () => {
    const error = { message: "Someone with that email is already a member", data: { field: "email" } };
    expect(fieldErrorOf(error, "email")).toBe("Someone with that email is already a member");
    expect(fieldErrorOf(error, "role")).toBeNull();
  });

  it("is null without an error", () => {
    expect(fieldErrorOf(null, "name")).toBeNull();
  });
});
