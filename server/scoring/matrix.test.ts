import { describe, expect, it } from "vitest";
import { fitStandardizer, selectRows, standardize } from "./matrix";

describe("standardization", () => {
  it("centres each column and scales it to unit variance", () => {
    const matrix = { rows: 4, columns: 2, values: Float64Array.of(1, 10, 2, 20, 3, 30, 4, 40) };
    const standardizer = fitStandardizer(matrix);
    expect(standardizer.means).toEqual([2.5, 25]);
    const z = standardize(matrix, standardizer);
    const column = (j: number) => [0, 1, 2, 3].map((i) => z.values[i * 2 + j]!);
    for (const j of [0, 1]) {
      expect(column(j).reduce((a, b) => a + b)).toBeCloseTo(0, 12);
      expect(column(j).reduce((a, b) => a + b * b, 0) / 4).toBeCloseTo(1, 12);
    }
  });

  it("maps a constant column to zero instead of dividing by zero", () => {
    const matrix = { rows: 3, columns: 1, values: Float64Array.of(7, 7, 7) };
    expect([...standardize(matrix, fitStandardizer(matrix)).values]).toEqual([0, 0, 0]);
  });
});

describe("selectRows", () => {
  it("copies the chosen rows in the given order", () => {
    const matrix = { rows: 3, columns: 2, values: Float64Array.of(1, 2, 3, 4, 5, 6) };
    expect([...selectRows(matrix, [2, 0]).values]).toEqual([5, 6, 1, 2]);
  });
});
