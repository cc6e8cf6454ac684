import type { SampleSet } from "./types";

export const segmentSamples: SampleSet = {
  async prepare({ db, workspace, label }) {
    const email = `segment-member-${label.toLowerCase()}@example.test`;
    const contact = await db.contact.create({
      data: { workspaceId: workspace.id, email, firstName: `SegmentMember${label}`, attributes: { [`segment_secret_key_${label}`]: "x" } },
    });
    await db.event.create({
      data: {
        workspaceId: workspace.id,
        contactId: contact.id,
        type: "track",
        name: `Segment Secret Event ${label}`,
        properties: { [`segment_secret_property_${label}`]: 1 },
        occurredAt: new Date(),
        messageId: `msg-segment-${label}`,
        source: "api",
      },
    });
    return { email };
  },
  inputs: {
    // Matches the members of both fixtures: a caller must only ever see those of its own workspace.
    "segments.preview": () => ({
      definition: {
        version: 1,
        root: { kind: "group", op: "and", children: [{ kind: "attribute", field: "email", valueType: "string", op: "starts_with", value: "segment-member-" }] },
      },
    }),
    "segments.fields": () => undefined,
    "segments.templates": () => undefined,
  },
  secrets: (t, r) => [
    r.email!,
    `SegmentMember${t.label}`,
    `segment_secret_key_${t.label}`,
    `Segment Secret Event ${t.label}`,
    `segment_secret_property_${t.label}`,
  ],
};
