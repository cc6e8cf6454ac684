"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** Refetches what a change to one contact can affect: its page, its consent history, the list. */
export function useContactRefresh(contactId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.contacts.get.queryKey({ contactId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.contacts.consentHistory.queryKey({ contactId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.contacts.count.pathKey() }),
    ]);
}
