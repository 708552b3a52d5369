/** The signals procedures in-process on an empty embedded database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { SIGNAL_CATALOGUE } from '@/server/signals';
import { pgliteDatabase, type TestDatabase } from '@/server/testing/databases';

import { DEFAULT_SIGNAL_SETTINGS } from '..';

let db: TestDatabase;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  db = await pgliteDatabase();
  caller = createCaller(createContext(db.handle.db, db.dataDir));
});
afterAll(() => db?.dispose());

describe('signals router', () => {
  it('serves the catalogue in its declared order', async () => {
    const ids = (await caller.signals.catalogue()).map((s) => s.id);

    expect(ids).toEqual(SIGNAL_CATALOGUE.map((s) => s.id));
  });

  it('tells the user how to find a patient id that does not exist', async () => {
    await expect(caller.signals.dashboard({ patientId: 'nobody' })).rejects.toThrow(
      'No patient nobody: check the id with `hallmark patients`.',
    );
  });

  it('reads default settings until they are saved, then the saved ones', async () => {
    expect(await caller.signals.settings()).toEqual(DEFAULT_SIGNAL_SETTINGS);

    await caller.signals.saveSettings({ liverSphereRadiusMm: 12, liverLesionMarginMm: 5 });

    expect(await caller.signals.settings()).toEqual({
      liverSphereRadiusMm: 12,
      liverLesionMarginMm: 5,
    });
  });

  it('refuses a liver sphere radius outside 5-30 mm', async () => {
    await expect(
      caller.signals.saveSettings({ liverSphereRadiusMm: 40, liverLesionMarginMm: 5 }),
    ).rejects.toThrow();
  });
});
