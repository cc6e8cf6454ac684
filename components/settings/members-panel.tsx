"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fieldErrorOf } from "@/components/trpc/field-error";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { ROLE_LABELS, ROLES, type Role } from "@/server/auth/roles";
import { Button } from "../ui/button";
import { Alert, Badge, Card, FormError } from "../ui/card";
import { Field, Select, TextField } from "../ui/field";
import { DataTable } from "../ui/table";
import { InviteLink } from "./invite-link";

export function MembersPanel({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions());
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() }),
    ]);
  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({
      onSuccess: (_, input) => {
        setNotice({ tone: "success", text: `Role changed to ${ROLE_LABELS[input.role]}.` });
        return refresh();
      },
      onError: (error) => {
        setNotice({ tone: "error", text: errorMessage(error) });
        return refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: () => {
        setNotice({ tone: "success", text: "Member removed." });
        return refresh();
      },
      onError: (error) => setNotice({ tone: "error", text: errorMessage(error) }),
    }),
  );
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSuccess: refresh,
      onError: (error) => setNotice({ tone: "error", text: errorMessage(error) }),
    }),
  );

  return (
    <div className="space-y-6">
      <InviteForm onInvited={refresh} />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Card title="People in this workspace">
        {members.isPending ? <p className="text-sm text-slate-600">Loading members…</p> : null}
        {members.error ? <Alert>{errorMessage(members.error)}</Alert> : null}
        {members.data ? (
          <DataTable
            rows={members.data}
            rowKey={(member) => member.membershipId}
            columns={[
              {
                key: "name",
                header: "Name",
                className: "font-medium",
                cell: (member) => (
                  <>
                    {member.name} {member.userId === currentUserId ? <Badge>you</Badge> : null}
                  </>
                ),
              },
              { key: "email", header: "Email", className: "text-slate-700", cell: (member) => member.email },
              {
                key: "role",
                header: "Role",
                cell: (member) => (
                  <>
                    <label className="sr-only" htmlFor={`role-${member.membershipId}`}>
                      Role of {member.name}
                    </label>
                    <Select
                      id={`role-${member.membershipId}`}
                      value={member.role}
                      disabled={changeRole.isPending}
                      onChange={(event) => changeRole.mutate({ membershipId: member.membershipId, role: event.target.value as Role })}
                      className="w-auto"
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </Select>
                  </>
                ),
              },
              {
                key: "actions",
                header: <span className="sr-only">Actions</span>,
                align: "right",
                cell: (member) =>
                  member.userId !== currentUserId ? (
                    <Button
                      variant="danger"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(`Remove ${member.name} from this workspace?`)) {
                          remove.mutate({ membershipId: member.membershipId });
                        }
                      }}
                    >
                      Remove<span className="sr-only"> {member.name}</span>
                    </Button>
                  ) : null,
              },
            ]}
          />
        ) : null}
      </Card>
      <Card title="Pending invitations">
        {invitations.data?.length === 0 ? <p className="text-sm text-slate-600">No pending invitations.</p> : null}
        {invitations.data && invitations.data.length > 0 ? (
          <ul className="divide-y divide-slate-200 text-sm">
            {invitations.data.map((invitation) => (
              <li key={invitation.id} className="flex items-center justify-between gap-4 py-2">
                <span>
                  <span className="font-medium">{invitation.email}</span> as {ROLE_LABELS[invitation.role]} · invited by{" "}
                  {invitation.invitedBy}{" "}
                  {invitation.expired ? <Badge tone="amber">expired</Badge> : null}
                </span>
                <Button variant="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ invitationId: invitation.id })}>
                  Revoke<span className="sr-only"> invitation for {invitation.email}</span>
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </div>
  );
}

function InviteForm({ onInvited }: { onInvited: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("marketer");
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async (result) => {
        setLink({ email: result.email, url: result.link });
        setEmail("");
        await onInvited();
      },
    }),
  );
  const fieldError = fieldErrorOf(invite.error, "email");
  return (
    <Card title="Invite someone" description="They get a link to set their name and password. Links expire after 7 days.">
      <form
        className="flex flex-wrap items-start gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate({ email, role });
        }}
        noValidate
      >
        <div className="min-w-64 flex-1">
          <TextField
            id="invite-email"
            label="Email address"
            error={fieldError}
            type="email"
            autoComplete="off"
            value={email}
            required
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="w-56">
          <Field id="invite-role" label="Role">
            <Select id="invite-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Button type="submit" className="mt-6" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Send invitation"}
        </Button>
      </form>
      <FormError message={invite.error && !fieldError ? errorMessage(invite.error) : null} />
      {link ? <InviteLink email={link.email} url={link.url} /> : null}
    </Card>
  );
}
