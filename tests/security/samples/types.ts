import type { Db } from "../../../server/db/client";
import type { makeMember, makeWorkspace } from "../../factories";

/** A workspace with one member of each role, built fresh for the access tests. */
export type WorkspaceFixture = {
  db: Db;
  label: string;
  workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  admin: Awaited<ReturnType<typeof makeMember>>;
  marketer: Awaited<ReturnType<typeof makeMember>>;
  manager: Awaited<ReturnType<typeof makeMember>>;
};

/** Ids and values a domain created in a fixture (by `prepare`), for its inputs and secrets. */
export type DomainRecords = Record<string, string>;

/**
 * One domain's part of the router access test: a valid input for each of its procedures,
 * aimed at a target workspace's records, so that calling it from another workspace proves
 * scoping. Every procedure in the root router must appear in exactly one sample set.
 */
export type SampleSet = {
  prepare?: (fixture: WorkspaceFixture) => Promise<DomainRecords>;
  inputs: Record<string, (target: WorkspaceFixture, records: DomainRecords) => unknown>;
  /** Values of the target workspace that must never appear in another workspace's answers. */
  secrets?: (target: WorkspaceFixture, records: DomainRecords) => string[];
  /** State of the target workspace that no call from another workspace may change. */
  snapshot?: (target: WorkspaceFixture) => Promise<unknown>;
};
