import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";
import type { SegmentActor } from "./actor";
import { segmentDependents, type SegmentDependent } from "./dependents";
import { findSegmentOrThrow } from "./load-segment";

/** Refusal of a delete: the message names what still uses the segment; `dependents` lists them. */
export class SegmentInUseError extends UserFacingError {
  constructor(
    segmentName: string,
    readonly dependents: SegmentDependent[],
  ) {
    const names = dependents.map((dependent) => `"${dependent.name}"`).join(", ");
    super("CONFLICT", `"${segmentName}" cannot be deleted: it is used by the segment${dependents.length > 1 ? "s" : ""} ${names}. Remove it from ${dependents.length > 1 ? "them" : "it"} first.`);
    this.name = "SegmentInUseError";
  }
}

/** Deletes a segment with its versions, membership and refresh history, unless something uses it. */
export async function deleteSegment(db: Db, actor: SegmentActor, input: { id: string }): Promise<{ id: string }> {
  const segment = await findSegmentOrThrow(db, actor.workspaceId, input.id);
  const dependents = (await segmentDependents(db, actor.workspaceId)).get(segment.id) ?? [];
  if (dependents.length) throw new SegmentInUseError(segment.name, dependents);
  await db.segment.deleteMany({ where: { id: segment.id, workspaceId: actor.workspaceId } });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "segment.deleted",
    targetType: "segment",
    targetId: segment.id,
    data: { name: segment.name },
  });
  return { id: segment.id };
}
