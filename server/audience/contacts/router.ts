import { router } from "../../trpc/init";

export const contactsRouter = router({});
