import { describe, expect, it } from 'vitest';

import { parseCsvRecords, parseTherapyText } from './parse';

describe('parseTherapyText', () => {
  it('reads the CSV columns the phantom generator and trial exports use', () => {
    const csv = [
      'patient_id,agent,line,start,end,arm',
      'HM-0001,Pembrolizumab,1,2026-02-01,2026-06-30,A: standard',
      'HM-0002,"Carboplatin, paclitaxel",1,2026-02-03,,B: experimental',
    ].join('\r\n');

    const { rows, errors } = parseTherapyText(csv, 'csv');

    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        patientId: 'HM-0001',
        agent: 'Pembrolizumab',
        line: 1,
        start: '2026-02-01',
        end: '2026-06-30',
        arm: 'A: standard',
      },
      {
        patientId: 'HM-0002',
        agent: 'Carboplatin, paclitaxel',
        line: 1,
        start: '2026-02-03',
        end: undefined,
        arm: 'B: experimental',
      },
    ]);
  });

  it('accepts JSON with camelCase keys', () => {
    const json = JSON.stringify([{ patientId: 'P1', agent: 'X', line: 2, start: '2026-01-01' }]);

    expect(parseTherapyText(json, 'json').rows[0]).toMatchObject({ patientId: 'P1', line: 2 });
  });

  it('names the row and the field of every bad value', () => {
    const csv = [
      'patient_id,agent,line,start,end',
      ',X,1,2026-01-01,',
      'P2,X,0,2026-13-01,',
      'P3,X,1,2026-05-01,2026-04-01',
    ].join('\n');

    expect(parseTherapyText(csv, 'csv').errors).toEqual([
      'Row 1: patientId: patient id is empty',
      'Row 2: line: line must be 1 or more; start: not a calendar date',
      'Row 3: end: end is before start',
    ]);
  });
});

describe('parseCsvRecords', () => {
  it('keeps quotes, commas and line breaks inside quoted fields', () => {
    const rows = parseCsvRecords('a,b\n"say ""hi""","x,\ny"\n');

    expect(rows).toEqual([{ a: 'say "hi"', b: 'x,\ny' }]);
  });
});
