/** Who acts, where, and from which client: for audit entries and consent records. */
export type ContactActor = {
  userId: string;
  email: string;
  workspaceId: string;
  ipAddress: string | null;
  userAgent: string | null;
};
