import type { CsvFormat } from "./csv-format";
import { type ContactField, type EventField, FIELD_LABELS, type ImportKind, parseFieldKey } from "./fields";

/** A column mapping checked against its file: the column index of each field, and custom columns. */
export type CompiledMapping = {
  kind: ImportKind;
  columnCount: number;
  columns: Partial<Record<ContactField | EventField, number>>;
  custom: { name: string; index: number }[];
  /** Events only: the name of every event when no column holds it. */
  fixedEventName: string | null;
  /** `12,50` reads as 12.5 in files separated by semicolons. */
  decimalComma: boolean;
  /** Events only: makes message ids for rows without one, unique to the file's content. */
  contentSha256: string;
};

export type MappingProblem = { field: string; message: string };

export type CompileMappingInput = {
  kind: ImportKind;
  header: readonly string[];
  /** One target per CSV column (`email`, `attribute:plan`…), null to ignore the column. */
  mapping: readonly (string | null)[];
  eventName: string | null;
  format: CsvFormat;
  contentSha256: string;
};

/** Checks a mapping: known targets, each used once, an identity column, and for events a date and a name. */
export function compileMapping(input: CompileMappingInput): { ok: true; mapping: CompiledMapping } | { ok: false; problem: MappingProblem } {
  const { kind, header, mapping } = input;
  if (mapping.length !== header.length) {
    return { ok: false, problem: { field: "mapping", message: `The file has ${header.length} columns; the mapping names ${mapping.length}.` } };
  }
  const columns: CompiledMapping["columns"] = {};
  const custom: CompiledMapping["custom"] = [];
  const seen = new Map<string, number>();
  for (const [index, key] of mapping.entries()) {
    if (key === null || key === "") continue;
    const column = `column "${header[index]}"`;
    const parsed = parseFieldKey(kind, key);
    if (!parsed) return { ok: false, problem: { field: `mapping.${index}`, message: `The target "${key}" of ${column} is not valid for ${kind}.` } };
    const previous = seen.get(key);
    if (previous !== undefined) {
      return {
        ok: false,
        problem: { field: `mapping.${index}`, message: `${column} and column "${header[previous]}" both map to ${describeTarget(key)}; choose one.` },
      };
    }
    seen.set(key, index);
    if (parsed.type === "custom") custom.push({ name: parsed.name, index });
    else columns[parsed.field] = index;
  }
  if (columns.email === undefined && columns.external_id === undefined) {
    return { ok: false, problem: { field: "mapping", message: "Map a column to Email or External id, so that each row finds its contact." } };
  }
  const eventName = input.eventName?.trim() || null;
  if (kind === "events") {
    if (columns.occurred_at === undefined) {
      return { ok: false, problem: { field: "mapping", message: "Map a column to Occurred at (the date of each event)." } };
    }
    if (columns.event_name === undefined && !eventName) {
      return { ok: false, problem: { field: "eventName", message: "Map a column to Event name, or give one name for all events." } };
    }
  }
  return {
    ok: true,
    mapping: {
      kind,
      columnCount: header.length,
      columns,
      custom,
      fixedEventName: kind === "events" && columns.event_name === undefined ? eventName : null,
      decimalComma: input.format.delimiter === ";",
      contentSha256: input.contentSha256,
    },
  };
}

function describeTarget(key: string): string {
  return key in FIELD_LABELS ? FIELD_LABELS[key as keyof typeof FIELD_LABELS] : key;
}
