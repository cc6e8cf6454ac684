/**
 * Why a model could not be fitted on a workspace's data. The scoring run records the message
 * and skips that model; the other models still run.
 */
export class ModelFitError extends Error {
  constructor(
    readonly reason: "insufficient_data" | "invalid_data",
    message: string,
  ) {
    super(message);
    this.name = "ModelFitError";
  }
}
