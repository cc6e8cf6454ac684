import { z } from "zod";

export const createWriteKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name, such as the site that will use it").max(100, "Use at most 100 characters"),
});
export const revokeWriteKeyInput = z.object({ id: z.uuid() });
