"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { AlertDialog } from "radix-ui";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../trpc/provider";
import { Button } from "../../ui/button";
import { Alert } from "../../ui/card";

/** Delete behind a confirmation; a refusal (the segment is still in use) shows in the dialog, naming what uses it. */
export function DeleteSegmentDialog({ segmentId, segmentName }: { segmentId: string; segmentName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.segments.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
        router.push("/segments");
      },
    }),
  );

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button variant="danger">
          <Trash2 aria-hidden="true" className="size-4" />
          Delete
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/3 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">Delete “{segmentName}”?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-700">
            Its definition history, membership and refresh history are deleted with it. This cannot be undone.
          </AlertDialog.Description>
          {remove.error ? (
            <div className="mt-4">
              <Alert>{errorMessage(remove.error)}</Alert>
            </div>
          ) : null}
          <div className="mt-6 flex justify-end gap-3">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{remove.error ? "Close" : "Cancel"}</Button>
            </AlertDialog.Cancel>
            {remove.error ? null : (
              <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: segmentId })}>
                {remove.isPending ? "Deleting…" : "Delete segment"}
              </Button>
            )}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
