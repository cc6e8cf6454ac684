import { router } from "../../trpc/init";

export const importsRouter = router({});
