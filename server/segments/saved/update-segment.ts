import { isDeepStrictEqual } from "node:util";
import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";
import type { SegmentActor } from "./actor";
import { checkSegmentDefinition } from "./check-definition";
import { findSegmentOrThrow } from "./load-segment";
import { updateSegmentSchema, type UpdateSegmentInput } from "./schemas";
import { assertSegmentNameFree, rethrowNameClash } from "./segment-name";
import { startSegmentRefresh } from "./start-refresh";

const STALE = "This segment was changed by someone else since you opened it. Reload it to see their changes, then edit again.";

/**
 * Renames, re-describes or redefines a segment. A new definition appends a version; the save is
 * refused (CONFLICT) when the segment is no longer at `expectedVersion`, so that two editors
 * never silently overwrite each other.
 */
export async function updateSegment(db: Db, actor: SegmentActor, rawInput: UpdateSegmentInput): Promise<{ id: string; version: number }> {
  const input = updateSegmentSchema.parse(rawInput);
  const current = await findSegmentOrThrow(db, actor.workspaceId, input.id);
  if (current.version !== input.expectedVersion) throw new UserFacingError("CONFLICT", STALE);
  const definition =
    input.definition === undefined ? undefined : await checkSegmentDefinition(db, actor.workspaceId, input.definition, current.id);
  const definitionChanged = definition !== undefined && !isDeepStrictEqual(definition, current.definition);
  if (input.name !== undefined) await assertSegmentNameFree(db, actor.workspaceId, input.name, current.id);

  const version = definitionChanged ? current.version + 1 : current.version;
  await db
    .$transaction(async (tx) => {
      // Guarded by the version read above: a save that lands in between makes this match nothing.
      const updated = await tx.segment.updateMany({
        where: { id: current.id, workspaceId: actor.workspaceId, version: input.expectedVersion },
        data: {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(definitionChanged ? { definition, version } : {}),
          updatedAt: new Date(),
        },
      });
      if (updated.count !== 1) throw new UserFacingError("CONFLICT", STALE);
      if (definitionChanged) await tx.segmentVersion.create({ data: { segmentId: current.id, version, definition, authorId: actor.userId } });
    })
    .catch((error: unknown) => rethrowNameClash(error, input.name ?? current.name));

  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "segment.updated",
    targetType: "segment",
    targetId: current.id,
    data: { name: input.name ?? current.name, version, definitionChanged },
  });
  if (definitionChanged) await startSegmentRefresh(db, { workspaceId: actor.workspaceId, segmentId: current.id, userId: actor.userId });
  return { id: current.id, version };
}
