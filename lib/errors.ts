import { TRPCClientError } from '@trpc/client';

/**
 * Any failure the UI may meet, turned into the one message a person should read.
 * Components show this, never a raw error string.
 */
export function userMessageOf(err: unknown): string {
  if (err instanceof TRPCClientError) {
    const data = err.data as { userMessage?: string; code?: string } | undefined;
    if (data?.userMessage) return data.userMessage;
    if (data?.code === 'INTERNAL_SERVER_ERROR') {
      return 'The server failed to answer; the failure was logged. Try again in a moment.';
    }

    return err.message;
  }
  if (err instanceof TypeError) return 'The server could not be reached. Is Hallmark running?';

  return err instanceof Error ? err.message : 'Something went wrong.';
}
