// The set-wise feature statement: one INSERT … SELECT per workspace, each aggregate over only the
// events it needs (the (workspace_id, name, occurred_at) index), joined to every contact in scope.
// Parameters: $1 workspace id, $2 "now" (the run's as-of time, or a propensity cut-off).
// Everything is computed from events at or before $2, so a pass at a past cut-off sees exactly
// what a run at that time would have seen.
import {
  CART_ABANDONMENT_HOURS,
  CART_EVENTS,
  CATEGORY_EVENTS,
  CLICK_EVENTS,
  OPEN_EVENTS,
  ORDER_COMPLETED,
  ORDER_REFUNDED,
  PRODUCT_ADDED,
  PRODUCT_VIEWED,
  SESSION_EVENTS,
} from "./event-names";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const list = (values: readonly string[]) => values.map(literal).join(", ");

/** int[24] of events per UTC hour of day, from rows holding `hour`, counted where `condition`. */
const hourHistogram = (condition: string) =>
  `array[${HOURS.map((h) => `count(*) filter (where ${condition} and hour = ${h})::int`).join(", ")}]`;

export type FeaturePass =
  /** The run's pass into contact_feature: every contact, or those in scoring_scope (incremental). */
  | { table: "contact_feature"; scope: "scoring_scope" | null }
  /**
   * A pass at a past cut-off over the propensity sample: its contacts' events were copied into
   * propensity_events first, since scanning the event table for a few thousand contacts per
   * cut-off costs as much as a full pass.
   */
  | { table: "propensity_features"; scope: "propensity_sample" };

const scopeClause = (scope: string | null, column: string) => (scope ? `and ${column} in (select contact_id from ${scope})` : "");

export function featureInsertSql(pass: FeaturePass): string {
  const { table } = pass;
  const event = table === "contact_feature" ? "event" : "propensity_events";
  const scope = table === "contact_feature" ? scopeClause(pass.scope, "contact_id") : "";
  const isOrder = `name = ${literal(ORDER_COMPLETED)} and coalesce(revenue, 0) >= 0`;
  const within = (days: number) => `occurred_at >= $2::timestamptz - interval '${days} days'`;
  const counts = (prefix: string, condition: string) =>
    [7, 30, 90].map((days) => `count(*) filter (where ${condition} and ${within(days)})::int as ${prefix}_${days}d`).join(",\n    ");
  return `
insert into ${table} (
  contact_id, workspace_id, computed_at, orders, purchase_days, monetary_total, repeat_monetary_total, first_purchase_at, last_purchase_at,
  first_event_at, last_event_at, purchases_7d, purchases_30d, purchases_90d, sessions_7d, sessions_30d, sessions_90d,
  views_7d, views_30d, views_90d, carts_7d, carts_30d, carts_90d, opens_7d, opens_30d, opens_90d, clicks_7d, clicks_30d, clicks_90d,
  cart_abandonments, favourite_category, engagement_hours, purchase_hours, activity_hours)
select c.id, c.workspace_id, $2::timestamptz,
  coalesce(o.orders, 0), coalesce(o.purchase_days, 0), coalesce(o.monetary_total, 0), coalesce(o.repeat_monetary_total, 0), o.first_purchase_at, o.last_purchase_at,
  least(coalesce(c.first_seen_at, c.created_at), o.first_purchase_at, g.first_engaged_at, s.first_visit_at, b.first_browsed_at),
  greatest(o.last_purchase_at, g.last_engaged_at, s.last_visit_at, b.last_browsed_at),
  coalesce(o.purchases_7d, 0), coalesce(o.purchases_30d, 0), coalesce(o.purchases_90d, 0),
  coalesce(s.sessions_7d, 0), coalesce(s.sessions_30d, 0), coalesce(s.sessions_90d, 0),
  coalesce(b.views_7d, 0), coalesce(b.views_30d, 0), coalesce(b.views_90d, 0),
  coalesce(b.carts_7d, 0), coalesce(b.carts_30d, 0), coalesce(b.carts_90d, 0),
  coalesce(g.opens_7d, 0), coalesce(g.opens_30d, 0), coalesce(g.opens_90d, 0),
  coalesce(g.clicks_7d, 0), coalesce(g.clicks_30d, 0), coalesce(g.clicks_90d, 0),
  coalesce(a.abandoned, 0), b.category,
  coalesce(g.engagement_hours, array_fill(0, array[24])), coalesce(o.purchase_hours, array_fill(0, array[24])),
  coalesce(s.activity_hours, array_fill(0, array[24]))
from contact c
left join (
  select contact_id,
    count(*) filter (where is_order)::int as orders,
    count(distinct day) filter (where is_order)::int as purchase_days,
    coalesce(sum(case when name = ${literal(ORDER_REFUNDED)} then -abs(coalesce(revenue, 0)) else coalesce(revenue, 0) end), 0) as monetary_total,
    -- Gamma-Gamma's repeat transactions: orders on purchase days after the first (refunds aside).
    coalesce(sum(revenue) filter (where is_order and day > first_day), 0) as repeat_monetary_total,
    min(occurred_at) filter (where is_order) as first_purchase_at,
    max(occurred_at) filter (where is_order) as last_purchase_at,
    ${counts("purchases", "is_order")},
    ${hourHistogram("is_order")} as purchase_hours
  from (
    select contact_id, name, revenue, occurred_at, is_order, day, hour,
      min(day) filter (where is_order) over (partition by contact_id) as first_day
    from (
      select contact_id, name, revenue, occurred_at, ${isOrder} as is_order,
        (occurred_at at time zone 'UTC')::date as day, extract(hour from occurred_at at time zone 'UTC')::int as hour
      from ${event}
      where workspace_id = $1 and name in (${list([ORDER_COMPLETED, ORDER_REFUNDED])}) and occurred_at <= $2::timestamptz ${scope}
    ) order_events
  ) orders
  group by contact_id
) o on o.contact_id = c.id
left join (
  select contact_id,
    ${counts("opens", "is_open")},
    ${counts("clicks", "not is_open")},
    min(occurred_at) as first_engaged_at,
    max(occurred_at) as last_engaged_at,
    ${hourHistogram("true")} as engagement_hours
  from (
    select contact_id, occurred_at, name in (${list(OPEN_EVENTS)}) as is_open, extract(hour from occurred_at at time zone 'UTC')::int as hour
    from ${event}
    where workspace_id = $1 and name in (${list([...OPEN_EVENTS, ...CLICK_EVENTS])}) and occurred_at <= $2::timestamptz ${scope}
  ) engagement
  group by contact_id
) g on g.contact_id = c.id
left join (
  -- Visits in the last 90 days: sessions in the windows (properties.session_id, else the event
  -- itself) and the hours the contact is on the site. Older visits are left out: they would more
  -- than double this scan, and recent habits are what a send hour should follow.
  select contact_id,
    count(distinct session) filter (where ${within(7)})::int as sessions_7d,
    count(distinct session) filter (where ${within(30)})::int as sessions_30d,
    count(distinct session)::int as sessions_90d,
    min(occurred_at) as first_visit_at,
    max(occurred_at) as last_visit_at,
    ${hourHistogram("true")} as activity_hours
  from (
    select contact_id, occurred_at, extract(hour from occurred_at at time zone 'UTC')::int as hour,
      coalesce(properties->>'session_id', id::text) as session
    from ${event}
    where workspace_id = $1 and name in (${list(SESSION_EVENTS)}) and ${within(90)} and occurred_at <= $2::timestamptz ${scope}
  ) visits
  group by contact_id
) s on s.contact_id = c.id
left join (
  -- Browsing: product views and cart additions in the windows, and the favourite category.
  select contact_id,
    (array_agg(category order by n desc, category) filter (where category is not null))[1] as category,
    sum(views_7d)::int as views_7d, sum(views_30d)::int as views_30d, sum(views_90d)::int as views_90d,
    sum(carts_7d)::int as carts_7d, sum(carts_30d)::int as carts_30d, sum(carts_90d)::int as carts_90d,
    min(first_at) as first_browsed_at,
    max(last_at) as last_browsed_at
  from (
    select contact_id, properties->>'category' as category, count(*) as n, min(occurred_at) as first_at, max(occurred_at) as last_at,
      ${counts("views", `name = ${literal(PRODUCT_VIEWED)}`)},
      ${counts("carts", `name = ${literal(PRODUCT_ADDED)}`)}
    from ${event}
    where workspace_id = $1 and name in (${list(CATEGORY_EVENTS)}) and occurred_at <= $2::timestamptz ${scope}
    group by 1, 2
  ) categories
  group by contact_id
) b on b.contact_id = c.id
left join (
  -- A cart (properties.cart_id, else the event itself) is abandoned when no order follows its
  -- additions within the window; carts younger than the window are not judged yet.
  select contact_id, count(distinct cart)::int as abandoned
  from (
    select contact_id, name, occurred_at, coalesce(properties->>'cart_id', id::text) as cart,
      min(case when name = ${literal(ORDER_COMPLETED)} then occurred_at end)
        over (partition by contact_id order by occurred_at desc, id desc rows between unbounded preceding and current row) as next_order_at
    from ${event}
    where workspace_id = $1 and name in (${list([...CART_EVENTS, ORDER_COMPLETED])}) and occurred_at <= $2::timestamptz ${scope}
  ) carts
  where name <> ${literal(ORDER_COMPLETED)}
    and occurred_at < $2::timestamptz - interval '${CART_ABANDONMENT_HOURS} hours'
    and (next_order_at is null or next_order_at > occurred_at + interval '${CART_ABANDONMENT_HOURS} hours')
  group by contact_id
) a on a.contact_id = c.id
where c.workspace_id = $1 ${scopeClause(pass.scope, "c.id")}`;
}
