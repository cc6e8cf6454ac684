export { loadRecipients, type RecipientLoadOptions } from "./load-recipients";
export { loadSendContext } from "./load-send-context";
export { randomContactId } from "./random-contact";
export { unsubscribeUrl } from "./unsubscribe-link";
