'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/components/providers/trpc';

/** Refetches every admin query: one change (a move, a new team) shows on every admin tab. */
export function useAdminRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() }),
    [queryClient, trpc],
  );
}
