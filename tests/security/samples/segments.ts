import { allOf, inSegment, makeSavedSegment } from "../../factories/saved-segments";
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
    const saved = await makeSavedSegment(db, workspace.id, {
      name: `Secret Segment ${label}`,
      description: `segment_secret_description_${label}`,
      definition: allOf({ kind: "attribute", field: "email", valueType: "string", op: "equals", value: email }),
    });
    const user = await makeSavedSegment(db, workspace.id, { name: `Secret Using Segment ${label}`, definition: allOf(inSegment(saved.id)) });
    await db.segmentMembership.create({ data: { segmentId: saved.id, contactId: contact.id, enteredAt: new Date() } });
    await db.segmentRefresh.create({ data: { segmentId: saved.id, status: "succeeded", startedAt: new Date(), finishedAt: new Date(), size: 1, entered: 1, left: 0, durationMs: 1 } });
    return { email, segmentId: saved.id, usingSegmentId: user.id };
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
    "segments.list": () => undefined,
    "segments.get": (_, r) => ({ id: r.segmentId }),
    "segments.versions": (_, r) => ({ id: r.segmentId }),
    "segments.refreshes": (_, r) => ({ id: r.segmentId }),
    // Referring to the target's segment: from another workspace it does not exist.
    "segments.create": (_, r) => ({ name: "Copy of a segment", definition: allOf(inSegment(r.segmentId!)) }),
    "segments.update": (_, r) => ({ id: r.segmentId, name: "Renamed", definition: allOf(inSegment(r.usingSegmentId!, false)), expectedVersion: 1 }),
    "segments.delete": (_, r) => ({ id: r.usingSegmentId }),
    "segments.refresh": (_, r) => ({ id: r.segmentId }),
  },
  secrets: (t, r) => [
    r.email!,
    `SegmentMember${t.label}`,
    `segment_secret_key_${t.label}`,
    `Segment Secret Event ${t.label}`,
    `segment_secret_property_${t.label}`,
    `Secret Segment ${t.label}`,
    `segment_secret_description_${t.label}`,
    r.segmentId!,
    r.usingSegmentId!,
  ],
  async snapshot({ db, workspace }) {
    const segments = await db.segment.findMany({ where: { workspaceId: workspace.id }, include: { versions: true, memberships: true, refreshes: true }, orderBy: { id: "asc" } });
    return {
      segments,
      refreshJobs: await db.jobRun.count({ where: { workspaceId: workspace.id, task: "segment.refresh" } }),
    };
  },
};
