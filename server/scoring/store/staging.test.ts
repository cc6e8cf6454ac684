import { describe, expect, it } from "vitest";
import { copyValue, stagingTable } from "./staging";

describe("the scoring staging table", () => {
  it("is named after the run's uuid and nothing else", () => {
    expect(stagingTable("0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3")).toBe("scoring_staging.run_0b1c2d3e4f504a6b8c7d8e9fa0b1c2d3");
    expect(() => stagingTable("x; drop table contact")).toThrow(/Not a run id/);
  });

  it("writes COPY text values: nulls, arrays and escaped text", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue(["7", "3"])).toBe("{7,3}");
    expect(copyValue(0.25)).toBe("0.25");
    expect(copyValue("Can't lose them")).toBe("Can't lose them");
    expect(copyValue("tab\there\\")).toBe("tab\\there\\\\");
  });
});
