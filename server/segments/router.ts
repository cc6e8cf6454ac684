import { z } from "zod";
import { memberProcedure, router } from "../trpc/init";
import { previewSegment } from "./preview-segment";
import type { LoadSegmentDefinition } from "./references";
import { SEGMENT_TEMPLATES } from "./templates";
import { workspaceFields } from "./workspace-fields";

// Saved segments arrive with issue 4 item 4; until then no segment id resolves.
const noSavedSegments: LoadSegmentDefinition = async () => null;

export const segmentsRouter = router({
  /** Count, sample and summary of a definition being edited; invalid definitions answer BAD_REQUEST naming the condition. */
  preview: memberProcedure
    .input(z.object({ definition: z.unknown() }))
    .query(({ ctx, input }) =>
      previewSegment(ctx.db, { workspaceId: ctx.workspaceId, definition: input.definition, now: new Date(), loadSegment: noSavedSegments }),
    ),
  fields: memberProcedure.query(({ ctx }) => workspaceFields(ctx.db, ctx.workspaceId, new Date())),
  templates: memberProcedure.query(() => SEGMENT_TEMPLATES),
});
