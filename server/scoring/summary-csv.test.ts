import { describe, expect, it } from "vitest";
import { ModelFitError } from "./errors";
import { parseCustomerSummaryCsv } from "./summary-csv";

describe("parseCustomerSummaryCsv", () => {
  it("reads the frequency/recency/T layout", () => {
    const table = parseCustomerSummaryCsv("ID,frequency,recency,T\r\n1,2,30.43,38.86\r\n2,0,0.0,38.86\r\n");
    expect(table.ids).toEqual(["1", "2"]);
    expect([...table.frequency]).toEqual([2, 0]);
    expect([...table.recency]).toEqual([30.43, 0]);
    expect([...table.age]).toEqual([38.86, 38.86]);
    expect(table.monetary).toBeUndefined();
  });

  it("reads the x/t_x/T/zbar layout with its monetary column", () => {
    const table = parseCustomerSummaryCsv("ID,x,t_x,T,zbar\n1,2,30.43,38.86,22.35\n");
    expect([...table.monetary!]).toEqual([22.35]);
  });

  it("names the line and column of a bad cell", () => {
    expect(() => parseCustomerSummaryCsv("ID,x,t_x,T\n1,two,3,4\n")).toThrow('line 2: "two" in column x is not a number');
    expect(() => parseCustomerSummaryCsv("ID,a,b\n1,2,3\n")).toThrow(ModelFitError);
  });
});
