// The set-wise feature statement: one INSERT … SELECT per workspace, each aggregate over only the
// events it needs (the (workspace_id, name, occurred_at) index), joined to every contact in scope.
// Parameters: $1 workspace id, $2 "now" (the run's as-of time).
import {
  CART_ABANDONMENT_HOURS,
  CART_EVENTS,
  CATEGORY_EVENTS,
  CLICK_EVENTS,
  OPEN_EVENTS,
  ORDER_COMPLETED,
  ORDER_REFUNDED,
  SESSION_EVENTS,
} from "./event-names";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const list = (values: readonly string[]) => values.map(literal).join(", ");

/** int[24] of events per UTC hour of day, from rows holding `hour`, counted where `condition`. */
const hourHistogram = (condition: string) =>
  `array[${HOURS.map((h) => `count(*) filter (where ${condition} and hour = ${h})::int`).join(", ")}]`;

/** `and contact_id in (scope)` when the pass is incremental, nothing for a full pass. */
export function scopeClause(incremental: boolean, column = "contact_id"): string {
  return incremental ? `and ${column} in (select contact_id from scoring_scope)` : "";
}

export function featureInsertSql(incremental: boolean): string {
  const scope = scopeClause(incremental);
  const isOrder = `name = ${literal(ORDER_COMPLETED)} and coalesce(revenue, 0) >= 0`;
  const within = (days: number) => `occurred_at >= $2::timestamptz - interval '${days} days'`;
  return `
insert into contact_feature (
  contact_id, workspace_id, computed_at, orders, purchase_days, monetary_total, first_purchase_at, last_purchase_at,
  first_event_at, last_event_at, purchases_7d, purchases_30d, purchases_90d, sessions_7d, sessions_30d, sessions_90d,
  opens_30d, clicks_30d, cart_abandonments, favourite_category, engagement_hours, purchase_hours)
select c.id, c.workspace_id, $2::timestamptz,
  coalesce(o.orders, 0), coalesce(o.purchase_days, 0), coalesce(o.monetary_total, 0), o.first_purchase_at, o.last_purchase_at,
  coalesce(c.first_seen_at, c.created_at),
  greatest(c.last_seen_at, o.last_purchase_at, g.last_engaged_at, s.last_session_at),
  coalesce(o.purchases_7d, 0), coalesce(o.purchases_30d, 0), coalesce(o.purchases_90d, 0),
  coalesce(s.sessions_7d, 0), coalesce(s.sessions_30d, 0), coalesce(s.sessions_90d, 0),
  coalesce(g.opens_30d, 0), coalesce(g.clicks_30d, 0), coalesce(a.abandoned, 0), fc.category,
  coalesce(g.engagement_hours, array_fill(0, array[24])), coalesce(o.purchase_hours, array_fill(0, array[24]))
from contact c
left join (
  select contact_id,
    count(*) filter (where is_order)::int as orders,
    count(distinct day) filter (where is_order)::int as purchase_days,
    coalesce(sum(case when name = ${literal(ORDER_REFUNDED)} then -abs(coalesce(revenue, 0)) else coalesce(revenue, 0) end), 0) as monetary_total,
    min(occurred_at) filter (where is_order) as first_purchase_at,
    max(occurred_at) filter (where is_order) as last_purchase_at,
    count(*) filter (where is_order and ${within(7)})::int as purchases_7d,
    count(*) filter (where is_order and ${within(30)})::int as purchases_30d,
    count(*) filter (where is_order and ${within(90)})::int as purchases_90d,
    ${hourHistogram("is_order")} as purchase_hours
  from (
    select contact_id, name, revenue, occurred_at, ${isOrder} as is_order,
      (occurred_at at time zone 'UTC')::date as day, extract(hour from occurred_at at time zone 'UTC')::int as hour
    from event
    where workspace_id = $1 and name in (${list([ORDER_COMPLETED, ORDER_REFUNDED])}) and occurred_at <= $2::timestamptz ${scope}
  ) orders
  group by contact_id
) o on o.contact_id = c.id
left join (
  select contact_id,
    count(*) filter (where is_open and ${within(30)})::int as opens_30d,
    count(*) filter (where not is_open and ${within(30)})::int as clicks_30d,
    max(occurred_at) as last_engaged_at,
    ${hourHistogram("true")} as engagement_hours
  from (
    select contact_id, occurred_at, name in (${list(OPEN_EVENTS)}) as is_open, extract(hour from occurred_at at time zone 'UTC')::int as hour
    from event
    where workspace_id = $1 and name in (${list([...OPEN_EVENTS, ...CLICK_EVENTS])}) and occurred_at <= $2::timestamptz ${scope}
  ) engagement
  group by contact_id
) g on g.contact_id = c.id
left join (
  select contact_id,
    count(distinct session) filter (where ${within(7)})::int as sessions_7d,
    count(distinct session) filter (where ${within(30)})::int as sessions_30d,
    count(distinct session)::int as sessions_90d,
    max(occurred_at) as last_session_at
  from (
    select contact_id, occurred_at, coalesce(properties->>'session_id', id::text) as session
    from event
    where workspace_id = $1 and name in (${list(SESSION_EVENTS)}) and ${within(90)} and occurred_at <= $2::timestamptz ${scope}
  ) sessions
  group by contact_id
) s on s.contact_id = c.id
left join (
  -- A cart (properties.cart_id, else the event itself) is abandoned when no order follows its
  -- additions within the window; carts younger than the window are not judged yet.
  select contact_id, count(distinct cart)::int as abandoned
  from (
    select contact_id, name, occurred_at, coalesce(properties->>'cart_id', id::text) as cart,
      min(case when name = ${literal(ORDER_COMPLETED)} then occurred_at end)
        over (partition by contact_id order by occurred_at desc, id desc rows between unbounded preceding and current row) as next_order_at
    from event
    where workspace_id = $1 and name in (${list([...CART_EVENTS, ORDER_COMPLETED])}) and occurred_at <= $2::timestamptz ${scope}
  ) carts
  where name <> ${literal(ORDER_COMPLETED)}
    and occurred_at < $2::timestamptz - interval '${CART_ABANDONMENT_HOURS} hours'
    and (next_order_at is null or next_order_at > occurred_at + interval '${CART_ABANDONMENT_HOURS} hours')
  group by contact_id
) a on a.contact_id = c.id
left join (
  select distinct on (contact_id) contact_id, category
  from (
    select contact_id, properties->>'category' as category, count(*) as n
    from event
    where workspace_id = $1 and name in (${list(CATEGORY_EVENTS)}) and properties ? 'category' and occurred_at <= $2::timestamptz ${scope}
    group by 1, 2
  ) categories
  order by contact_id, n desc, category
) fc on fc.contact_id = c.id
where c.workspace_id = $1 ${scopeClause(incremental, "c.id")}`;
}
