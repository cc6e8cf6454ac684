import { describe, expect, it } from "vitest";
import type { TemplateIssue } from "@/server/email/templates/template-issues";
import { groupIssuesByBlock, issuePlace, worstSeverity } from "./issues";

const issue = (overrides: Partial<TemplateIssue>): TemplateIssue => ({ blockId: "title", path: "blocks.1.text", message: "Broken", severity: "error", ...overrides });

describe("issues in the designer", () => {
  it("groups issues by block and leaves out document-level ones", () => {
    const grouped = groupIssuesByBlock([issue({}), issue({ message: "Second" }), issue({ blockId: null, path: "subject" }), issue({ blockId: "footer" })]);
    expect([...grouped.keys()]).toEqual(["title", "footer"]);
    expect(grouped.get("title")?.map((i) => i.message)).toEqual(["Broken", "Second"]);
  });

  it("outlines a block by its worst issue", () => {
    expect(worstSeverity([issue({ severity: "warning" }), issue({})])).toBe("error");
    expect(worstSeverity([issue({ severity: "warning" })])).toBe("warning");
    expect(worstSeverity([])).toBeNull();
  });

  it("says where a Liquid issue is, with line and column", () => {
    expect(issuePlace(issue({ line: 1, column: 7 }))).toBe("Block title, line 1:7");
    expect(issuePlace(issue({ blockId: null, path: "subject", line: 2, column: 3 }))).toBe("Subject, line 2:3");
    expect(issuePlace(issue({ blockId: null, path: "blocks" }))).toBe("Email");
  });
});
