import type { Db } from "../../db/client";

export const CONTACT_SEARCH_INDEX_TASK = "contact-search.index";

/**
 * Asks a worker to index the queued contacts now (after an import) rather than at its next
 * minutely run. One job key: requests made while one is queued collapse into it.
 */
export async function requestContactSearchIndexing(db: Db): Promise<void> {
  await db.$executeRaw`
    select graphile_worker.add_job(${CONTACT_SEARCH_INDEX_TASK}::text, '{}'::json,
      job_key => ${CONTACT_SEARCH_INDEX_TASK}::text, max_attempts => 3)`;
}
