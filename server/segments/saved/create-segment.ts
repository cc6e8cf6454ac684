import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import type { SegmentActor } from "./actor";
import { checkSegmentDefinition } from "./check-definition";
import { createSegmentSchema, type CreateSegmentInput } from "./schemas";
import { assertSegmentNameFree, rethrowNameClash } from "./segment-name";
import { startSegmentRefresh } from "./start-refresh";

/** Saves a new segment (definition version 1) and queues its first refresh. */
export async function createSegment(db: Db, actor: SegmentActor, rawInput: CreateSegmentInput): Promise<{ id: string; jobRunId: string }> {
  const input = createSegmentSchema.parse(rawInput);
  const definition = await checkSegmentDefinition(db, actor.workspaceId, input.definition);
  await assertSegmentNameFree(db, actor.workspaceId, input.name);
  const segment = await db
    .$transaction(async (tx) => {
      const created = await tx.segment.create({
        data: { workspaceId: actor.workspaceId, name: input.name, description: input.description ?? "", definition, createdById: actor.userId },
      });
      await tx.segmentVersion.create({ data: { segmentId: created.id, version: 1, definition, authorId: actor.userId } });
      return created;
    })
    .catch((error: unknown) => rethrowNameClash(error, input.name));
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "segment.created",
    targetType: "segment",
    targetId: segment.id,
    data: { name: segment.name },
  });
  const { jobRunId } = await startSegmentRefresh(db, { workspaceId: actor.workspaceId, segmentId: segment.id, userId: actor.userId });
  return { id: segment.id, jobRunId };
}
