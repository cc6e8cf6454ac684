/** Who acts, in which workspace: every use case takes it explicitly. */
export type SegmentActor = { userId: string; email: string; workspaceId: string };
