"use client";

import { createContext, useContext, type Dispatch } from "react";
import type { TemplateIssue } from "@/server/email/templates/template-issues";
import type { EditorAction } from "../editor/state";

type DesignerContextValue = {
  dispatch: Dispatch<EditorAction>;
  readOnly: boolean;
  /** Issues by block id, for red outlines and the side panel. */
  issuesByBlock: ReadonlyMap<string, TemplateIssue[]>;
  /** Custom attribute keys of the workspace, for the token picker. */
  attributeKeys: readonly string[];
};

const DesignerContext = createContext<DesignerContextValue | null>(null);

export const DesignerProvider = DesignerContext.Provider;

export function useDesigner(): DesignerContextValue {
  const value = useContext(DesignerContext);
  if (!value) throw new Error("useDesigner is used outside the email designer");
  return value;
}
