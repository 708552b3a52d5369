import type { SignalsDocument } from '@/server/signals-store';

const fmt = (v: number | null) => (v === null ? '-' : v.toFixed(2));

/**
 * PET references per timepoint: where the liver sphere sits and what it measured. The
 * sphere can be moved only through signals.placeLiver (by centre in LPS mm); a viewer
 * overlay to drag it would let a reader check and move it here.
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
            <td>{r.placement === 'user' ? `by ${r.placedBy ?? 'a reader'}` : 'automatically'}</td>
            <td>{fmt(r.suvMean)}{r.suvSd !== null && ` ± ${fmt(r.suvSd)}`}</td>
            <td>{fmt(r.sulMean)}{r.sulSd !== null && ` ± ${fmt(r.sulSd)}`}</td>
            <td>{r.centreMm ? r.centreMm.map((c) => c.toFixed(0)).join(', ') : '-'}</td>
            <td className="small muted">{r.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
