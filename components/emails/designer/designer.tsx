"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert } from "../../ui/card";
import { DesignerWorkspace } from "./workspace";

/** /emails/[templateId]: loads the template once; the workspace owns the document from then on. */
export function Designer({ templateId }: { templateId: string }) {
  const trpc = useTRPC();
  const template = useQuery({ ...trpc.emails.get.queryOptions({ id: templateId }), staleTime: Infinity, refetchOnWindowFocus: false });
  if (template.error) return <Alert>{errorMessage(template.error)}</Alert>;
  if (!template.data) return <p className="text-sm text-slate-700">Loading the email…</p>;
  return <DesignerWorkspace key={template.data.id} template={template.data} />;
}
