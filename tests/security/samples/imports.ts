import { storeUpload } from "../../../server/audience/import";
import type { SampleSet } from "./types";

async function* body(text: string) {
  yield Buffer.from(text);
}

export const importSamples: SampleSet = {
  async prepare({ db, workspace, marketer, label }) {
    const { id } = await storeUpload(
      db,
      { workspaceId: workspace.id, userId: marketer.user.id },
      { kind: "contacts", fileName: `members-${label}.csv`, body: body(`email,first_name\nsecret-${label}@example.test,Secret${label}\n`) },
    );
    return { importId: id, fileName: `members-${label}.csv`, email: `secret-${label}@example.test` };
  },
  inputs: {
    "imports.list": () => undefined,
    "imports.get": (_, r) => ({ id: r.importId }),
    "imports.start": (_, r) => ({ id: r.importId, mapping: ["email", "first_name"] }),
  },
  secrets: (_, r) => [r.importId!, r.fileName!, r.email!],
  async snapshot({ db, workspace }) {
    const imports = await db.import.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: "asc" } });
    return {
      imports: imports.map((row) => ({ id: row.id, jobRunId: row.jobRunId, mapping: row.mapping, options: row.options })),
      contacts: await db.contact.count({ where: { workspaceId: workspace.id } }),
    };
  },
};
