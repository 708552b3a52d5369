interface Row {
  path: string;
  outcome: string;
  reason: string | null;
}

const BADGE: Record<string, string> = { ingested: 'ok', unchanged: '', rejected: 'bad' };

export function OutcomeTable({ rows }: { rows: Row[] }) {
  return (
    <table className="grid small" aria-label="File outcomes">
      <thead>
        <tr>
          <th>File</th>
          <th>Outcome</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.path}-${i}`}>
            <td>{r.path}</td>
            <td>
              <span className={`badge ${BADGE[r.outcome] ?? ''}`}>{r.outcome}</span>
            </td>
            <td>{r.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
