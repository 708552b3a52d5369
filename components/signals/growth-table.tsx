import type { SignalsDocument } from '@/server/signals-store';

function days(v: number | null): string {
  return v === null ? '-' : `${v.toFixed(0)} d`;
}

/** SGR and doubling time per tracked lesion and interval, and new lesions per timepoint. */
export function GrowthTable({ doc }: { doc: SignalsDocument }) {
  if (!doc.tracked) {
    return <p className="muted">Growth and new lesions need tracked lesions: track the patient.</p>;
  }

  return (
    <>
      <table className="grid">
        <thead>
          <tr><th>Lesion</th><th>Interval</th><th>SGR (%/day)</th><th>Doubling time</th></tr>
        </thead>
        <tbody>
          {doc.growth.flatMap((g) => g.intervals.map((i) => (
            <tr key={`${g.lesionKey}-${i.toDate}`}>
              <td>{g.label}</td>
              <td>{i.fromDate} to {i.toDate} ({i.days.toFixed(0)} d)</td>
              <td>{i.sgrPerDay === null ? '-' : (i.sgrPerDay * 100).toFixed(2)}</td>
              <td>
                {days(i.doublingTimeDays)}
                {i.doublingTimeDays !== null && i.doublingTimeDays < 0 && ' (halving)'}
                {i.note && <span className="muted small"> {i.note}</span>}
              </td>
            </tr>
          )))}
        </tbody>
      </table>
      <p className="small">
        New lesions:{' '}
        {(doc.newLesions ?? []).map((n) => `${n.date}: ${n.count}`).join(' · ') || 'none'}
      </p>
    </>
  );
}
