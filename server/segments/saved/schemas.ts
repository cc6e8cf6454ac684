import { z } from "zod";

export const segmentIdSchema = z.object({ id: z.uuid() });

const name = z.string().trim().min(1, "Give the segment a name").max(120, "Use at most 120 characters");
const description = z.string().trim().max(1000, "Use at most 1000 characters");

/** The definition is checked by parseSegmentDefinition, which names the condition at fault. */
export const createSegmentSchema = z.object({
  name,
  description: description.optional(),
  definition: z.unknown(),
});
export type CreateSegmentInput = z.input<typeof createSegmentSchema>;

export const updateSegmentSchema = z.object({
  id: z.uuid(),
  name: name.optional(),
  description: description.optional(),
  definition: z.unknown().optional(),
  /** The version the editor started from: a newer one means someone else saved in between. */
  expectedVersion: z.int().min(1),
});
export type UpdateSegmentInput = z.input<typeof updateSegmentSchema>;
