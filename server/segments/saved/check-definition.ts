import type { Db } from "../../db/client";
import { compileSegmentToSql } from "../compile";
import type { SegmentDefinition } from "../definition";
import { resolveSegmentReferences } from "../references";
import { parseSegmentDefinition } from "../validate";
import { savedSegmentLoader } from "./load-segment";

/**
 * Validates a definition about to be saved: its shape (naming the condition at fault), the
 * segments it refers to (same workspace, no cycle through `selfId`), and that it compiles.
 */
export async function checkSegmentDefinition(db: Db, workspaceId: string, input: unknown, selfId?: string): Promise<SegmentDefinition> {
  const definition = parseSegmentDefinition(input);
  const segments = await resolveSegmentReferences(definition, savedSegmentLoader(db, workspaceId), selfId);
  compileSegmentToSql(definition, { workspaceId, now: new Date(), segments });
  return definition;
}
