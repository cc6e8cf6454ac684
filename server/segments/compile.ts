import { Prisma } from "../db/generated/client";
import { UserFacingError } from "../errors";
import { eventConditionSql, sequenceConditionSql } from "./compile-events";
import { scoreConditionSql } from "./compile-scores";
import { allOf, anyOf, asRowTest, contactRowTest, distinctIdsSql, factsTest, rowTest, type Compiled } from "./compile-sets";
import { jsonValueAs, predicateSql, type ValueExpression } from "./compile-values";
import {
  builtInField,
  customAttributeKey,
  type AttributeCondition,
  type BuiltInField,
  type Condition,
  type ConsentCondition,
  type Group,
  type SegmentDefinition,
  type SuppressionCondition,
} from "./definition";
import type { ResolvedSegments } from "./references";

export type CompileOptions = {
  workspaceId: string;
  /** The moment "the last 30 days" is counted back from; a parameter so that results are reproducible. */
  now: Date;
  /** Definitions of the segments this one refers to (resolveSegmentReferences). */
  segments?: ResolvedSegments;
};

/** The whitelist: built-in field → its column of `contact c`. Nothing else is ever written as an identifier. */
const CONTACT_COLUMNS: Record<BuiltInField, Prisma.Sql> = {
  email: Prisma.raw("c.email"),
  external_id: Prisma.raw("c.external_id"),
  first_name: Prisma.raw("c.first_name"),
  last_name: Prisma.raw("c.last_name"),
  phone: Prisma.raw("c.phone"),
  locale: Prisma.raw("c.locale"),
  time_zone: Prisma.raw("c.time_zone"),
  country: Prisma.raw("c.country"),
  region: Prisma.raw("c.region"),
  city: Prisma.raw("c.city"),
  created_at: Prisma.raw("c.created_at"),
  first_seen_at: Prisma.raw("c.first_seen_at"),
  last_seen_at: Prisma.raw("c.last_seen_at"),
};

type Scope = CompileOptions & { segmentChain: readonly string[] };

/**
 * The definition as one parameterized statement selecting the ids of the matching contacts of
 * the workspace, each once. Every value travels as a bind parameter; identifiers come only from
 * the whitelist above. NOT is pushed down to the conditions (De Morgan), so that each condition
 * is written in the form Postgres plans best for its polarity (see compile-events.ts), and
 * conditions answered by sets of ids are combined as sets (see compile-sets.ts).
 */
export function compileSegmentToSql(definition: SegmentDefinition, options: CompileOptions): Prisma.Sql {
  return distinctIdsSql(compileRoot(definition, options), options.workspaceId);
}

/** The WHERE clause of compileSegmentToSql over `contact c`, for statements that select more than the id. */
export function compileSegmentWhere(definition: SegmentDefinition, options: CompileOptions): Prisma.Sql {
  return Prisma.sql`c.workspace_id = ${options.workspaceId}::uuid and ${asRowTest(compileRoot(definition, options))}`;
}

function compileRoot(definition: SegmentDefinition, options: CompileOptions): Compiled {
  return groupSql(definition.root, "root", { ...options, segmentChain: [] }, false);
}

function groupSql(group: Group, path: string, scope: Scope, negatedAbove: boolean): Compiled {
  const negated = negatedAbove !== Boolean(group.negate);
  // An empty group constrains nothing (a new group in the builder must not empty the segment).
  if (group.children.length === 0) return rowTest(negated ? Prisma.sql`false` : Prisma.sql`true`);
  const parts = group.children.map((child, i) => {
    const childPath = `${path}.children[${i}]`;
    return child.kind === "group" ? groupSql(child, childPath, scope, negated) : conditionSql(child, childPath, scope, negated);
  });
  const isAnd = (group.op === "and") !== negated;
  return isAnd ? allOf(parts) : anyOf(parts, scope.workspaceId);
}

function conditionSql(condition: Condition, path: string, scope: Scope, negated: boolean): Compiled {
  switch (condition.kind) {
    case "attribute":
      // The country is compared lower-cased, as contact_facts holds it.
      if (condition.field === "country" && condition.valueType === "string") {
        return factsTest(predicateSql({ sql: Prisma.raw("f.country_lower"), lowerCased: true }, condition, scope.now, negated));
      }
      return contactRowTest(predicateSql(attributeValue(condition), condition, scope.now, negated));
    case "event":
      return eventConditionSql(condition, scope.workspaceId, scope.now, negated);
    case "sequence":
      return sequenceConditionSql(condition, scope.workspaceId, scope.now, negated);
    case "consent":
      return consentSql(condition, negated);
    case "suppression":
      return suppressionSql(condition, negated);
    case "segment": {
      const { segmentId } = condition;
      if (scope.segmentChain.includes(segmentId)) {
        throw new UserFacingError("BAD_REQUEST", `Segment ${segmentId} contains itself through the segments it refers to.`, path);
      }
      const referenced = scope.segments?.get(segmentId);
      if (!referenced) throw new UserFacingError("BAD_REQUEST", `Segment ${segmentId} does not exist in this workspace.`, path);
      const inner: Scope = { ...scope, segmentChain: [...scope.segmentChain, segmentId] };
      return groupSql(referenced.root, "root", inner, negated !== !condition.member);
    }
    case "score":
      return rowTest(scoreConditionSql(condition, scope.now, negated));
  }
}

function attributeValue(condition: AttributeCondition): ValueExpression {
  const builtIn = builtInField(condition.field);
  if (builtIn) return { sql: CONTACT_COLUMNS[builtIn], lowerCased: builtIn === "email" };
  const key = customAttributeKey(condition.field)!;
  return { sql: jsonValueAs(Prisma.sql`(c.attributes -> ${key}::text)`, condition.valueType) };
}

/** contact_facts' column of each consent purpose: the whitelist for these identifiers. */
const CONSENT_COLUMNS: Record<ConsentCondition["purpose"], Prisma.Sql> = {
  email_marketing: Prisma.raw("f.email_marketing"),
  tracking: Prisma.raw("f.tracking"),
};

/** "none" = no consent recorded for the purpose (a null state); otherwise the current state is the one named. */
function consentSql(condition: ConsentCondition, negated: boolean): Compiled {
  const column = CONSENT_COLUMNS[condition.purpose];
  if (condition.state === "none") return factsTest(negated ? Prisma.sql`${column} is not null` : Prisma.sql`${column} is null`);
  const state = Prisma.sql`${condition.state}::"ConsentState"`;
  return factsTest(negated ? Prisma.sql`${column} is distinct from ${state}` : Prisma.sql`${column} = ${state}`);
}

/**
 * A contact is suppressed by a suppression naming it, or naming its address: contact_facts holds
 * the reasons of both as bits (suppression_reason_bit), tested against the bits of the reasons
 * asked for (all of them when none is named).
 */
function suppressionSql(condition: SuppressionCondition, negated: boolean): Compiled {
  const reasons = condition.reasons.length ? Prisma.sql`${condition.reasons}::"SuppressionReason"[]` : Prisma.sql`enum_range(null::"SuppressionReason")`;
  const matching = Prisma.sql`(f.suppressions & (select bit_or(suppression_reason_bit(r)) from unnest(${reasons}) r))`;
  return factsTest(condition.suppressed !== negated ? Prisma.sql`${matching} <> 0` : Prisma.sql`${matching} = 0`);
}
