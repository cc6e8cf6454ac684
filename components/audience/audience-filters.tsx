"use client";

import { Search } from "lucide-react";
import { useEffect, useState } from "react";
import type { ContactFiltersInput as ContactFilters } from "@/server/audience/contacts/schemas";
import { Field, Input, Select } from "../ui/field";

const SEARCH_DELAY_MS = 300;

/** Search (debounced, so typing does not query per keystroke) and filter selects. */
export function AudienceFilters({ filters, onChange }: { filters: ContactFilters; onChange: (filters: ContactFilters) => void }) {
  const [search, setSearch] = useState(filters.search ?? "");
  const [country, setCountry] = useState(filters.country ?? "");

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = { search: search.trim() || undefined, country: country.trim() || undefined };
      if (next.search !== filters.search || next.country !== filters.country) onChange({ ...filters, ...next });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, country, filters, onChange]);

  const select = <K extends "hasEmail" | "emailConsent" | "suppressed">(key: K, value: string) =>
    onChange({ ...filters, [key]: value || undefined });

  return (
    <form role="search" aria-label="Search and filter contacts" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6" onSubmit={(e) => e.preventDefault()}>
      <div className="sm:col-span-2">
        <Field id="audience-search" label="Search by email or name">
          <div className="relative">
            <Search aria-hidden="true" className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-slate-500" />
            <Input id="audience-search" type="search" className="pl-9" value={search} placeholder="e.g. maria or @example.com" onChange={(e) => setSearch(e.target.value)} />
          </div>
        </Field>
      </div>
      <Field id="audience-consent" label="Email consent">
        <Select id="audience-consent" value={filters.emailConsent ?? ""} onChange={(e) => select("emailConsent", e.target.value)}>
          <option value="">Any</option>
          <option value="granted">Granted</option>
          <option value="withdrawn">Withdrawn</option>
          <option value="denied">Denied</option>
          <option value="none">Never recorded</option>
        </Select>
      </Field>
      <Field id="audience-suppressed" label="Suppressed">
        <Select id="audience-suppressed" value={filters.suppressed ?? ""} onChange={(e) => select("suppressed", e.target.value)}>
          <option value="">Any</option>
          <option value="yes">Suppressed</option>
          <option value="no">Not suppressed</option>
        </Select>
      </Field>
      <Field id="audience-has-email" label="Email address">
        <Select id="audience-has-email" value={filters.hasEmail ?? ""} onChange={(e) => select("hasEmail", e.target.value)}>
          <option value="">Any</option>
          <option value="yes">Has an email</option>
          <option value="no">No email</option>
        </Select>
      </Field>
      <Field id="audience-country" label="Country code">
        <Input id="audience-country" value={country} maxLength={64} placeholder="e.g. DE" onChange={(e) => setCountry(e.target.value)} />
      </Field>
    </form>
  );
}
