import { router } from "../../trpc/init";

export const writeKeysRouter = router({});
