import type { SampleSet } from "./types";

export const scoreSamples: SampleSet = {
  async prepare({ db, workspace, label }) {
    const contact = await db.contact.create({ data: { workspaceId: workspace.id, email: `scored-${label.toLowerCase()}@example.test` } });
    const clusterLabel = `secret-cluster-${label}`;
    const run = await db.scoreRun.create({
      data: {
        workspaceId: workspace.id,
        status: "succeeded",
        trigger: "manual",
        finishedAt: new Date(),
        durationMs: 1000,
        contacts: 1,
        models: { clusters: { status: "ok", version: "kmeans-silhouette@1" } },
        charts: { clusters: [{ id: 0, label: clusterLabel, size: 1, description: "typical", centroid: {} }] },
      },
    });
    await db.contactScore.create({
      data: { contactId: contact.id, workspaceId: workspace.id, runId: run.id, computedAt: new Date(), churnRisk: 0.25, cluster: 0, clusterLabel },
    });
    return { contactId: contact.id.toString(), scoreRunId: run.id, clusterLabel };
  },
  inputs: {
    "scores.latest": () => undefined,
    "scores.runs": () => undefined,
    "scores.run": () => undefined,
    "scores.contact": (_, r) => ({ contactId: r.contactId }),
  },
  secrets: (_, r) => [r.scoreRunId!, r.clusterLabel!],
  async snapshot({ db, workspace }) {
    const where = { workspaceId: workspace.id };
    return {
      scoreRuns: (await db.scoreRun.findMany({ where, orderBy: { id: "asc" } })).map((run) => ({ id: run.id, status: run.status })),
      contactScores: await db.contactScore.count({ where }),
    };
  },
};
