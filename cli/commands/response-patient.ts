/** `hallmark response <patientId>`: the response engine on a patient's tracked lesions. */
import type { Db } from '@/db/client';
import { CRITERIA, type Criteria } from '@/server/response/categories';
import { assessPatient, responseDocument, type PatientResponse } from '@/server/response-store';

import type { CommandIo } from '../command';
import { withServices } from '../with-services';
import { formatSummary } from './response';

export function isCriteria(value: string): value is Criteria {
  return (CRITERIA as readonly string[]).includes(value);
}

export async function runPatientResponse(
  patientId: string,
  criteria: Criteria,
  json: boolean,
  io: CommandIo,
): Promise<number> {
  return withServices('hallmark response', ({ database, dataDir }) =>
    printPatientResponse(database.db, dataDir, { patientId, criteria, json }, io),
  );
}

/** The command without opening services, so tests can hand it their own database. */
export async function printPatientResponse(
  db: Db,
  dataDir: string,
  request: { patientId: string; criteria: Criteria; json: boolean },
  io: CommandIo,
): Promise<number> {
  const response = await assessPatient(db, dataDir, request.patientId, request.criteria);
  if (request.json) io.out(JSON.stringify(responseDocument(response), null, 2));
  else io.out(lesionLines(response).concat('', formatSummary(response.result)).join('\n'));

  return 0;
}

function lesionLines(response: PatientResponse): string[] {
  const header = `Patient ${response.patientId}, baseline ${response.timepoints[0]?.date ?? '?'}`;

  return [
    header,
    ...response.lesions.map((l) => {
      const values = l.cells.map((c) =>
        c.valueMm === null ? '-' : `${c.valueMm.toFixed(1)}${c.diameterOverride ? '*' : ''}`,
      );
      const role = l.isNew ? 'new' : l.role;

      return `  ${l.label}  ${l.organ}${l.node ? ' (node)' : ''}  ${role}  ${values.join('  ')}`;
    }),
    '  (* overridden by a reader; lymph nodes by short axis)',
  ];
}
