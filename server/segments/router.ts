import { z } from "zod";
import { editorProcedure, memberProcedure, router } from "../trpc/init";
import { previewSegmentForBuilder } from "./preview-for-builder";
import {
  createSegment,
  createSegmentSchema,
  deleteSegment,
  findSegmentOrThrow,
  getSegment,
  listSegmentRefreshes,
  listSegments,
  listSegmentVersions,
  segmentIdSchema,
  startSegmentRefresh,
  updateSegment,
  updateSegmentSchema,
} from "./saved";
import { SEGMENT_TEMPLATES } from "./templates";
import { workspaceFields } from "./workspace-fields";

const actorOf = (ctx: { userId: string; workspaceId: string; viewer: { email: string } }) => ({
  userId: ctx.userId,
  email: ctx.viewer.email,
  workspaceId: ctx.workspaceId,
});

export const segmentsRouter = router({
  /** Count, sample and summary of a definition being edited; invalid definitions answer BAD_REQUEST naming the condition. */
  preview: memberProcedure
    .input(z.object({ definition: z.unknown(), editingSegmentId: z.string().max(64).optional() }))
    .query(({ ctx, input }) =>
      previewSegmentForBuilder(ctx.db, {
        workspaceId: ctx.workspaceId,
        definition: input.definition,
        now: new Date(),
        editingSegmentId: input.editingSegmentId,
      }),
    ),
  fields: memberProcedure.query(({ ctx }) => workspaceFields(ctx.db, ctx.workspaceId, new Date())),
  templates: memberProcedure.query(() => SEGMENT_TEMPLATES),

  list: memberProcedure.query(({ ctx }) => listSegments(ctx.db, ctx.workspaceId)),
  get: memberProcedure.input(segmentIdSchema).query(({ ctx, input }) => getSegment(ctx.db, { workspaceId: ctx.workspaceId, role: ctx.role, id: input.id })),
  versions: memberProcedure.input(segmentIdSchema).query(({ ctx, input }) => listSegmentVersions(ctx.db, ctx.workspaceId, input.id)),
  refreshes: memberProcedure.input(segmentIdSchema).query(({ ctx, input }) => listSegmentRefreshes(ctx.db, ctx.workspaceId, input.id)),
  create: editorProcedure.input(createSegmentSchema).mutation(({ ctx, input }) => createSegment(ctx.db, actorOf(ctx), input)),
  update: editorProcedure.input(updateSegmentSchema).mutation(({ ctx, input }) => updateSegment(ctx.db, actorOf(ctx), input)),
  delete: editorProcedure.input(segmentIdSchema).mutation(({ ctx, input }) => deleteSegment(ctx.db, actorOf(ctx), input)),
  refresh: editorProcedure.input(segmentIdSchema).mutation(async ({ ctx, input }) => {
    const segment = await findSegmentOrThrow(ctx.db, ctx.workspaceId, input.id);
    return startSegmentRefresh(ctx.db, { workspaceId: ctx.workspaceId, segmentId: segment.id, userId: ctx.userId });
  }),
});
