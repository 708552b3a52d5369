import type { SignalsDocument } from '@/server/signals-store';

import { LiverMove } from './liver-move';

const fmt = (v: number | null) => (v === null ? '-' : v.toFixed(2));

type Reference = SignalsDocument['references'][number];

function placedBy(r: Reference): string {
  return r.placement === 'user' ? `by hand (${r.placedBy ?? 'a reader'})` : 'automatically';
}

/**
 * PET references per timepoint: where the liver sphere sits, who placed it and what it
 * measured; its centre can be typed in to move it. Only a timepoint that already has a
 * liver row can be moved here: one whose computation never ran has no row to show.
 */
export function ReferenceTable({ references }: { references: SignalsDocument['references'] }) {
  if (references.length === 0) return <p className="muted">No PET references stored.</p>;
  const sorted = [...references].sort((a, b) =>
    (a.date ?? '').localeCompare(b.date ?? '') || a.kind.localeCompare(b.kind));

  return (
    <table className="grid">
      <thead>
        <tr>
          <th>Date</th><th>Reference</th><th>Placed</th><th>SUV mean ± SD</th>
          <th>SUL mean ± SD</th><th>Centre (LPS mm)</th><th>Note</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.id}>
            <td>{r.date}</td>
            <td>{r.kind === 'liver' ? 'Liver sphere' : 'FMISO background'}</td>
            <td>{placedBy(r)}</td>
            <td>{fmt(r.suvMean)}{r.suvSd !== null && ` ± ${fmt(r.suvSd)}`}</td>
            <td>{fmt(r.sulMean)}{r.sulSd !== null && ` ± ${fmt(r.sulSd)}`}</td>
            <td>
              {r.kind === 'liver'
                ? <LiverMove key={r.centreMm?.join() ?? r.id} timepointId={r.timepointId}
                  date={r.date} centreMm={r.centreMm} />
                : '-'}
            </td>
            <td className="small muted">{r.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
