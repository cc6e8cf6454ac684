import { recordAudit } from "../../audit/record";
import { editorProcedure, memberProcedure, router } from "../../trpc/init";
import { consentHistory } from "../consent/consent-history";
import { recordConsent } from "../consent/record-consent";
import type { ContactActor } from "./actor";
import { contactTimeline } from "./contact-timeline";
import { findContactOrThrow } from "./find-contact";
import { getContact } from "./get-contact";
import { countContacts, listContacts } from "./list-contacts";
import {
  addSuppressionInput,
  contactFiltersSchema,
  contactRefInput,
  listContactsInput,
  recordConsentInput,
  removeSuppressionInput,
  timelineInput,
  updateContactInput,
} from "./schemas";
import { addManualSuppression, removeManualSuppression } from "./suppress-contact";
import { updateContact } from "./update-contact";

type ActorContext = {
  userId: string;
  workspaceId: string;
  viewer: { email: string };
  ipAddress: string | null;
  userAgent: string | null;
};

const actorOf = (ctx: ActorContext): ContactActor => ({
  userId: ctx.userId,
  email: ctx.viewer.email,
  workspaceId: ctx.workspaceId,
  ipAddress: ctx.ipAddress,
  userAgent: ctx.userAgent,
});

export const contactsRouter = router({
  list: memberProcedure.input(listContactsInput).query(({ ctx, input }) => listContacts(ctx.db, ctx.workspaceId, input)),
  count: memberProcedure.input(contactFiltersSchema).query(({ ctx, input }) => countContacts(ctx.db, ctx.workspaceId, input)),
  get: memberProcedure.input(contactRefInput).query(({ ctx, input }) => getContact(ctx.db, ctx.workspaceId, input.contactId)),
  timeline: memberProcedure.input(timelineInput).query(({ ctx, input }) => contactTimeline(ctx.db, ctx.workspaceId, input)),
  consentHistory: memberProcedure.input(contactRefInput).query(async ({ ctx, input }) => {
    const contact = await findContactOrThrow(ctx.db, ctx.workspaceId, input.contactId);
    return consentHistory(ctx.db, ctx.workspaceId, contact.id);
  }),
  updateAttributes: editorProcedure
    .input(updateContactInput)
    .mutation(({ ctx, input }) => updateContact(ctx.db, actorOf(ctx), input)),
  recordConsent: editorProcedure.input(recordConsentInput).mutation(async ({ ctx, input }) => {
    const { record, current } = await recordConsent(ctx.db, {
      workspaceId: ctx.workspaceId,
      contactId: input.contactId,
      purpose: input.purpose,
      state: input.state,
      source: "admin",
      reason: input.reason,
      wording: input.wording ?? null,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      recordedById: ctx.userId,
    });
    await recordAudit(ctx.db, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      actorEmail: ctx.viewer.email,
      action: "contact.consent_recorded",
      targetType: "contact",
      targetId: input.contactId,
      data: { purpose: input.purpose, state: input.state, reason: input.reason },
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
    });
    return { recordId: record.id.toString(), currentState: current.state };
  }),
  addSuppression: editorProcedure
    .input(addSuppressionInput)
    .mutation(({ ctx, input }) => addManualSuppression(ctx.db, actorOf(ctx), input)),
  removeSuppression: editorProcedure
    .input(removeSuppressionInput)
    .mutation(({ ctx, input }) => removeManualSuppression(ctx.db, actorOf(ctx), input)),
});
