import type { SignalDefinition } from '@/server/signals';

function sourceLabel(s: SignalDefinition['source']): string {
  if (s.type === 'PT') return `${s.tracer} PET`;
  if (s.type === 'timeline') return 'CT volumes over time';
  if (s.type === 'lesion-list') return 'lesion list';
  if (s.type === 'contrast-pair') return 'enhanced and unenhanced CT';

  return s.type.replace('MR_DCE_KTRANS', 'DCE-MR Ktrans').replace('MR_ADC', 'MR ADC');
}

function limits(r: SignalDefinition['repeatability']): string {
  const parts = [
    r.relativePercent && `-${r.relativePercent.decrease}% / +${r.relativePercent.increase}%`,
    r.absolute !== null && `± ${r.absolute}`,
  ].filter(Boolean);

  return parts.length ? parts.join(', ') : 'none';
}

/** The signal catalogue as a reader's reference: what each value means and what counts. */
export function CatalogueTable({ catalogue }: { catalogue: readonly SignalDefinition[] }) {
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>Signal</th><th>Hallmark</th><th>Unit</th><th>Measured on</th>
          <th>Response</th><th>Repeatability</th><th>Definition</th>
        </tr>
      </thead>
      <tbody>
        {catalogue.map((s) => (
          <tr key={s.id}>
            <td>{s.name}<div className="small muted">{s.id}</div></td>
            <td>{s.hallmark}</td>
            <td>{s.unit || '-'}</td>
            <td>{sourceLabel(s.source)}</td>
            <td>{s.responseDirection}</td>
            <td>
              {limits(s.repeatability)}
              <div className="small muted">
                {s.repeatability.basis === 'published' ? '' : 'working assumption: '}
                {s.repeatability.source}
              </div>
            </td>
            <td className="small">{s.definition}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
