/** Who acts on a template, for scoping, authorship and the audit log. */
export type TemplateActor = {
  userId: string;
  email: string;
  workspaceId: string;
  ipAddress: string | null;
  userAgent: string | null;
};
