/** A saved segment as the membership picker offers it (a subset of segments.list's rows). */
export type SavedSegmentOption = {
  id: string;
  name: string;
  memberCount: number | null;
  lastRefreshedAt: Date | null;
  /** The segments that refer to this one directly. */
  usedBy: readonly { id: string }[];
};

export type SegmentChoice = SavedSegmentOption & {
  /** Why it cannot be picked here, or null when it can. */
  blockedReason: string | null;
};

export const USES_THIS_SEGMENT = "uses this segment";

/** The segments that refer to `segmentId`, directly or through others. */
export function segmentsUsing(segments: readonly SavedSegmentOption[], segmentId: string): Set<string> {
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const found = new Set<string>();
  const pending = [segmentId];
  while (pending.length) {
    for (const user of byId.get(pending.pop()!)?.usedBy ?? []) {
      if (found.has(user.id) || user.id === segmentId) continue;
      found.add(user.id);
      pending.push(user.id);
    }
  }
  return found;
}

/**
 * What a membership condition of `editingSegmentId` may refer to: every other saved segment,
 * those that already use it marked as blocked, since picking one would make a cycle.
 */
export function segmentChoices(segments: readonly SavedSegmentOption[], editingSegmentId: string | null): SegmentChoice[] {
  const blocked = editingSegmentId ? segmentsUsing(segments, editingSegmentId) : new Set<string>();
  return segments
    .filter((segment) => segment.id !== editingSegmentId)
    .map((segment) => ({ ...segment, blockedReason: blocked.has(segment.id) ? USES_THIS_SEGMENT : null }));
}

/** The choices whose name holds every word typed, in any order and case. */
export function matchSegmentChoices<C extends { name: string }>(choices: readonly C[], query: string): C[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return choices.filter((choice) => {
    const name = choice.name.toLocaleLowerCase();
    return words.every((word) => name.includes(word));
  });
}

const numbers = new Intl.NumberFormat("en-US");
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "1,234 members · refreshed 5 minutes ago", or "not refreshed yet" before the first refresh. */
export function describeSegmentSize(segment: Pick<SavedSegmentOption, "memberCount" | "lastRefreshedAt">, now: Date): string {
  if (segment.memberCount === null || !segment.lastRefreshedAt) return "not refreshed yet";
  const members = `${numbers.format(segment.memberCount)} member${segment.memberCount === 1 ? "" : "s"}`;
  const ageMs = Math.max(0, now.getTime() - segment.lastRefreshedAt.getTime());
  const [unit, unitMs] = RELATIVE_UNITS.find(([, ms]) => ageMs >= ms) ?? ["minute", 60_000];
  return `${members} · refreshed ${ageMs < 60_000 ? "just now" : relative.format(-Math.floor(ageMs / unitMs), unit)}`;
}

const SEGMENT_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A server message with the segment ids it names ("a → b → a") replaced by the segments' names. */
export function nameSegmentsIn(message: string, nameOf: (segmentId: string) => string | undefined): string {
  return message.replace(SEGMENT_ID, (id) => {
    const name = nameOf(id.toLowerCase());
    return name === undefined ? id : `“${name}”`;
  });
}
