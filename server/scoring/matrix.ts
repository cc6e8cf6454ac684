/** A dense row-major matrix of features: row i, column j at values[i * columns + j]. */
export type FeatureMatrix = { rows: number; columns: number; values: Float64Array };

/** Column means and standard deviations, kept with a model so one contact can be scored later. */
export type Standardizer = { means: number[]; scales: number[] };

export function featureMatrix(rows: number, columns: number): FeatureMatrix {
  return { rows, columns, values: new Float64Array(rows * columns) };
}

/** Column means and population standard deviations (1 for a constant column, so it maps to 0). */
export function fitStandardizer(matrix: FeatureMatrix): Standardizer {
  const { rows, columns, values } = matrix;
  const means = new Float64Array(columns);
  const squares = new Float64Array(columns);
  for (let i = 0; i < rows; i++) {
    const offset = i * columns;
    for (let j = 0; j < columns; j++) means[j]! += values[offset + j]!;
  }
  for (let j = 0; j < columns; j++) means[j]! /= Math.max(rows, 1);
  for (let i = 0; i < rows; i++) {
    const offset = i * columns;
    for (let j = 0; j < columns; j++) squares[j]! += (values[offset + j]! - means[j]!) ** 2;
  }
  const scales = Array.from(squares, (sum) => {
    const sd = Math.sqrt(sum / Math.max(rows, 1));
    return sd > 1e-12 ? sd : 1;
  });
  return { means: Array.from(means), scales };
}

export function standardize(matrix: FeatureMatrix, standardizer: Standardizer): FeatureMatrix {
  const { rows, columns, values } = matrix;
  const out = featureMatrix(rows, columns);
  for (let i = 0; i < rows; i++) {
    const offset = i * columns;
    for (let j = 0; j < columns; j++) out.values[offset + j] = (values[offset + j]! - standardizer.means[j]!) / standardizer.scales[j]!;
  }
  return out;
}

/** The rows of `matrix` listed in `indices`, in that order. */
export function selectRows(matrix: FeatureMatrix, indices: ArrayLike<number>): FeatureMatrix {
  const out = featureMatrix(indices.length, matrix.columns);
  for (let k = 0; k < indices.length; k++) {
    const start = indices[k]! * matrix.columns;
    out.values.set(matrix.values.subarray(start, start + matrix.columns), k * matrix.columns);
  }
  return out;
}
