import { fetchRequestHandler } from '@trpc/server/adapters/fetch';

import { appRouter } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { services } from '@/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handler(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => {
      const { database, dataDir } = await services();

      return createContext(database.db, dataDir);
    },
  });
}

export { handler as GET, handler as POST };
