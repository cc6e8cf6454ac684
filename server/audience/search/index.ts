// Contact search, maintained out of line: triggers queue changed contacts, the worker indexes them.
export { indexQueuedContacts } from "./index-queued-contacts";
export { CONTACT_SEARCH_INDEX_TASK, requestContactSearchIndexing } from "./request-indexing";
export { contactSearchSql, contactSearchTextSql, containsPattern, countMatchesSql, type SearchStrategy, WALK_FROM_MATCHES } from "./search-text";
