import { makeWriteKey } from "../../factories/ingest";
import type { SampleSet } from "./types";

export const writeKeySamples: SampleSet = {
  async prepare({ db, workspace, label }) {
    const writeKey = await makeWriteKey(db, workspace.id, `Site of ${label}`);
    return { writeKeyId: writeKey.id, key: writeKey.key, keyPrefix: writeKey.keyPrefix, keyHash: writeKey.keyHash, name: writeKey.name };
  },
  inputs: {
    "writeKeys.list": () => undefined,
    "writeKeys.create": () => ({ name: "Another site" }),
    "writeKeys.revoke": (_, r) => ({ id: r.writeKeyId }),
  },
  secrets: (_, r) => [r.writeKeyId!, r.key!, r.keyPrefix!, r.keyHash!, r.name!],
  async snapshot({ db, workspace }) {
    const keys = await db.writeKey.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: "asc" } });
    return keys.map((key) => ({ id: key.id, name: key.name, revokedAt: key.revokedAt }));
  },
};
