"use client";

import { Trash2 } from "lucide-react";
import { socialNetworkSchema, type FooterBlock } from "@/server/email/document";
import { Button } from "../../ui/button";
import { Field, Select } from "../../ui/field";
import { useDesigner } from "../designer/designer-context";
import { PlainField } from "./plain-field";
import { TokenInput } from "./token-input";
import { useBlockUpdate } from "./use-block-update";

type Network = FooterBlock["social"][number]["network"];
const NETWORKS = socialNetworkSchema.options;

export function FooterContent({ block }: { block: FooterBlock }) {
  const update = useBlockUpdate<FooterBlock>(block.id);
  const { readOnly } = useDesigner();
  const setSocial = (social: FooterBlock["social"], field?: string) => update({ social }, field);
  return (
    <>
      <TokenInput id={`${block.id}-note`} label="Note" value={block.note} multiline onChange={(note) => update({ note }, "note")} />
      <PlainField blockId={block.id} name="postal" label="Postal address" value={block.postalAddress} onChange={(postalAddress) => update({ postalAddress }, "postalAddress")} hint="Required by anti-spam law." />
      <PlainField blockId={block.id} name="unsubscribe-label" label="Unsubscribe label" value={block.unsubscribeLabel} onChange={(unsubscribeLabel) => update({ unsubscribeLabel }, "unsubscribeLabel")} />
      <PlainField blockId={block.id} name="unsubscribe-href" label="Unsubscribe link" value={block.unsubscribeHref} onChange={(unsubscribeHref) => update({ unsubscribeHref }, "unsubscribeHref")} hint="Keep {{ unsubscribe_url }}: Tailor fills in each contact's link." />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Social links</legend>
        {block.social.map((link, i) => (
          <div key={i} className="flex items-end gap-2">
            <Field id={`${block.id}-social-${i}-network`} label="Network">
              <Select
                id={`${block.id}-social-${i}-network`}
                value={link.network}
                disabled={readOnly}
                onChange={(e) => setSocial(block.social.map((l, j) => (j === i ? { ...l, network: e.target.value as Network } : l)))}
              >
                {NETWORKS.map((network) => (
                  <option key={network} value={network}>
                    {network}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="flex-1">
              <PlainField blockId={block.id} name={`social-${i}-href`} label="Link" value={link.href} onChange={(href) => setSocial(block.social.map((l, j) => (j === i ? { ...l, href } : l)), `social-${i}`)} />
            </div>
            {readOnly ? null : (
              <Button variant="ghost" aria-label={`Remove the ${link.network} link`} onClick={() => setSocial(block.social.filter((_, j) => j !== i))}>
                <Trash2 aria-hidden="true" className="h-4 w-4" />
              </Button>
            )}
          </div>
        ))}
        {readOnly || block.social.length >= NETWORKS.length ? null : (
          <Button variant="secondary" className="text-xs" onClick={() => setSocial([...block.social, { network: NETWORKS.find((n) => !block.social.some((l) => l.network === n)) ?? "instagram", href: "https://" }])}>
            Add a social link
          </Button>
        )}
      </fieldset>
    </>
  );
}
