import type { EmailDocument } from "@/server/email/document";
import { newBlock, type BlockType } from "./blocks";

/** A document of fresh blocks with ids `<type>-<position>`, for the editor's tests. */
export function documentOf(...types: BlockType[]): EmailDocument {
  return {
    version: 1,
    subject: "Hi",
    preheader: "",
    senderName: "Acme",
    theme: { backgroundColor: "#f4f4f5", contentBackgroundColor: "#ffffff", textColor: "#1f2937", linkColor: "#2563eb", accentColor: "#111827", fontFamily: "sans" },
    blocks: types.map((type, i) => newBlock(type, `${type}-${i + 1}`)),
  };
}
