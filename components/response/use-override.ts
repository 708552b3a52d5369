'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { useTRPC } from '@/lib/trpc';

/** Records a reader override and reloads every criteria view of the patient. */
export function useOverride(patientId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  return useMutation(
    trpc.response.override.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.response.assess.pathKey() }),
    }),
  );
}

export type OverrideMutation = ReturnType<typeof useOverride>;
export type OverrideVariables = Parameters<OverrideMutation['mutate']>[0];
