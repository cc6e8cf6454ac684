import { describe, expect, it } from "vitest";
import { htmlLiquid, plainLiquid } from "./liquid";
import { compileLiquid, compileToClosures, UnsupportedLiquid } from "./liquid-compile";
import { generateRecipients, sampleSendContext } from "./sample-recipients";
import { liquidScopeFor } from "./scope";

const send = sampleSendContext();
const scopes: Record<string, unknown>[] = [
  ...generateRecipients(40, 5).map((recipient) => ({ ...liquidScopeFor(recipient, send), flags: [true, false], list: ["a", "b"], text: "abc", n: 3, nothing: "" })),
  {},
  { contact: null, recommendations: "not a list", scores: { churn_risk: "0.7" } },
];

// Each template is rendered by the compiled closures and by liquidjs itself, for every scope.
const TEMPLATES = [
  "plain text only",
  'Hi {{ contact.first_name | default: "there" }}!',
  "{{ contact.first_name | upcase }} {{ contact.last_name | downcase }} {{ contact.city | capitalize }} [{{ contact.city | strip }}]",
  "{{ contact.first_name | truncate: 4 }} {{ contact.first_name | truncate: 3, '…' }}",
  "{{ scores.churn_risk | times: 100 | round }}% {{ scores.clv | plus: 1 | minus: 2 }} {{ scores.churn_risk | round: 1 }}",
  "{{ recommendations.first.price | money: recommendations.first.currency }} {{ recommendations.first.url | safe_url }}",
  '{% if contact.city == "New York" %}NY{% elsif contact.city == "Berlin" %}BER{% else %}other{% endif %}',
  "{% unless contact.first_name %}anonymous{% else %}named{% endunless %}",
  "{% if scores.churn_risk > 0.5 and scores.clv >= 100 or contact.city contains 'o' %}yes{% endif %}",
  "{% if not contact.first_name %}none{% endif %}{% if contact.attributes.vip_tier != 'gold' %}not gold{% endif %}",
  "{% if recommendations.size > 2 %}many{% endif %}{% if recommendations contains recommendations.first %}has first{% endif %}",
  "{% for p in recommendations limit: 3 %}{{ forloop.index }}/{{ forloop.length }}:{{ p.name }}{% if forloop.last %}.{% else %}, {% endif %}{% else %}nothing{% endfor %}",
  "{% for p in recommendations offset: 1 limit: 2 reversed %}{{ p.id }}-{{ forloop.rindex }}{% endfor %}",
  "{% for c in text %}[{{ c }}]{% endfor %}{% for x in n %}never{% else %}else{% endfor %}{% for f in flags %}{{ f }}{% endfor %}",
  "{% assign picks = recommendations %}{% unless picks.size > 0 %}{% assign picks = catalogue.best_sellers %}{% endunless %}{{ picks.size }}",
  "{% assign name = contact.first_name | default: 'friend' %}{{ name }} {{ name.size }} {{ list.last }} {{ list[0] }} {{ list[-1] }}",
  '{{ catalogue.categories["Shoes"].first.name }} {{ contact["first_name"] }}',
  "{{ nothing | default: 'was empty' }} {{ contact.attributes.loyalty_points | default: 0 }}",
  "{{ contact }}{{ list }}{{ n }}",
  "{% comment %}hidden {{ contact.first_name }}{% endcomment %}{% # note %}shown",
  "a  {{- contact.city -}}  b\n{%- if true -%}  c  {%- endif -%}\n",
];

describe("compileLiquid", () => {
  it.each(TEMPLATES)("renders %j exactly as liquidjs does, escaped and plain", (source) => {
    for (const liquid of [htmlLiquid, plainLiquid]) {
      const reference = liquid.parse(source);
      const program = compileToClosures(reference, liquid);
      for (const scope of scopes) expect(program(scope)).toBe(liquid.renderSync(reference, scope));
    }
  });

  it("falls back to liquidjs for expressions outside the compiled subset", () => {
    const source = "{% for i in (1..3) %}{{ i }}{% endfor %}{% if contact.first_name == empty %}no name{% endif %}";
    expect(() => compileToClosures(plainLiquid.parse(source), plainLiquid)).toThrow(UnsupportedLiquid);
    const program = compileLiquid(source, plainLiquid);
    expect(program({ contact: { first_name: "" } })).toBe("123no name");
  });

  it("keeps assignments local to one render", () => {
    const program = compileLiquid("{% if first %}{% assign seen = 'yes' %}{% endif %}{{ seen }}", plainLiquid);
    expect(program({ first: true })).toBe("yes");
    expect(program({ first: false })).toBe("");
  });
});
