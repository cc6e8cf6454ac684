import { z } from "zod";
import { UserFacingError } from "../../errors";
import { refreshSegment } from "../../segments/saved/refresh-segment";
import { defineTrackedTask } from "../task";

export const segmentRefreshPayloadSchema = z.object({ segmentId: z.uuid() });

/**
 * Materializes a saved segment's membership. The refresh is one transaction, so a retry after
 * a crash simply runs it again; a retry after it committed returns the committed figures.
 */
export const segmentRefresh = defineTrackedTask({
  title: "Refresh segment",
  payloadSchema: segmentRefreshPayloadSchema,
  async run({ db, jobRunId, workspaceId, payload, progress }) {
    try {
      const result = await refreshSegment(db, { workspaceId, segmentId: payload.segmentId, now: new Date(), jobRunId, progress });
      const members = `${result.size.toLocaleString("en")} member${result.size === 1 ? "" : "s"}`;
      await progress(3, 3, `${members} (${result.entered.toLocaleString("en")} entered, ${result.left.toLocaleString("en")} left)`);
      return { segmentId: payload.segmentId, ...result };
    } catch (error) {
      // Deleted while queued: there is nothing left to refresh, and retrying will not change that.
      if (error instanceof UserFacingError && error.code === "NOT_FOUND") return { segmentId: payload.segmentId, skipped: "deleted" };
      throw error;
    }
  },
});
