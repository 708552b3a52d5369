import type { Services } from '@/server/services';
import { closeServices, services } from '@/server/services';

/** Opens the database for one command and always closes it (releasing the lock). */
export async function withServices<T>(purpose: string, work: (s: Services) => Promise<T>) {
  const opened = await services(purpose);
  try {
    return await work(opened);
  } finally {
    await closeServices();
  }
}
