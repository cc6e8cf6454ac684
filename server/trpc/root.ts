import { contactsRouter } from "../audience/contacts/router";
import { importsRouter } from "../audience/import/router";
import { writeKeysRouter } from "../audience/ingest/write-keys.router";
import { auditRouter } from "../audit/router";
import { emailsRouter } from "../email/router";
import { scoresRouter } from "../scoring/router";
import { segmentsRouter } from "../segments/router";
import { jobsRouter } from "../worker/router";
import { outboxRouter } from "../outbox/router";
import { membersRouter, workspaceRouter } from "../workspaces/router";
import { createCallerFactory, router } from "./init";

// One router per domain; tests/security walks every procedure in here.
export const appRouter = router({
  workspace: workspaceRouter,
  members: membersRouter,
  audit: auditRouter,
  jobs: jobsRouter,
  contacts: contactsRouter,
  writeKeys: writeKeysRouter,
  imports: importsRouter,
  segments: segmentsRouter,
  emails: emailsRouter,
  outbox: outboxRouter,
  scores: scoresRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
