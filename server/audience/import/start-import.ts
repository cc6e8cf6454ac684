import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";
import { enqueueJob } from "../../worker";
import { type ImportKind } from "./fields";
import { compileMapping } from "./mapping";
import { type StartImportInput, startImportSchema, storedOptionsSchema } from "./schemas";

export type ImportActor = { userId: string; email: string; workspaceId: string };

/**
 * Starts a pending import with the chosen column mapping: checks the mapping against the file,
 * claims the import (it starts once), and queues the worker job that imports it.
 */
export async function startImport(db: Db, actor: ImportActor, rawInput: StartImportInput): Promise<{ id: string; jobRunId: string }> {
  const input = startImportSchema.parse(rawInput);
  const found = await db.import.findFirst({ where: { id: input.id, workspaceId: actor.workspaceId } });
  if (!found) throw new UserFacingError("NOT_FOUND", "That import does not exist in this workspace.");
  const stored = storedOptionsSchema.safeParse(found.options);
  if (!stored.success) throw new UserFacingError("BAD_REQUEST", "The upload of this file did not finish; upload it again.");
  if (found.jobRunId || stored.data.run) throw new UserFacingError("CONFLICT", "This import has already been started.");

  const kind: ImportKind = found.kind === "events" ? "events" : "contacts";
  const mapping = input.mapping.map((target) => target || null);
  const compiled = compileMapping({
    kind,
    header: stored.data.upload.header,
    mapping,
    eventName: input.eventName,
    format: stored.data.upload.format,
    contentSha256: stored.data.upload.contentSha256,
  });
  if (!compiled.ok) throw new UserFacingError("BAD_REQUEST", compiled.problem.message, compiled.problem.field);

  const run = { existing: input.existing, eventName: kind === "events" ? input.eventName : null };
  // Claimed in one statement, so that two clicks (or two tabs) cannot start it twice.
  const claimed = await db.$executeRaw`
    update import set mapping = ${JSON.stringify(mapping)}::jsonb,
      options = options || jsonb_build_object('run', ${JSON.stringify(run)}::jsonb)
    where id = ${found.id}::uuid and workspace_id = ${actor.workspaceId}::uuid
      and job_run_id is null and not (options ? 'run')`;
  if (claimed !== 1) throw new UserFacingError("CONFLICT", "This import has already been started.");

  let jobRunId: string;
  try {
    const job = await enqueueJob(db, {
      workspaceId: actor.workspaceId,
      task: "import.run",
      payload: { importId: found.id },
      createdById: actor.userId,
    });
    jobRunId = job.id;
  } catch (error) {
    await db.$executeRaw`update import set options = options - 'run' where id = ${found.id}::uuid`;
    throw error;
  }
  await db.import.update({ where: { id: found.id }, data: { jobRunId } });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "import.started",
    targetType: "import",
    targetId: found.id,
    data: { kind, fileName: found.fileName, existing: input.existing },
  });
  return { id: found.id, jobRunId };
}
