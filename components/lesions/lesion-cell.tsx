'use client';

import { cellBadges } from '@/lib/cell-badges';

export interface CellObservation {
  id: string;
  present: boolean;
  source: string;
  volumeMl: number | null;
  longestDiameterMm: number | null;
  confidence: number | null;
  reviewFlags: string[];
}

export function LesionCell({
  observation,
  isFirst,
  isAfterBaseline,
  selected,
  onSelect,
}: {
  observation: CellObservation | undefined;
  isFirst: boolean;
  isAfterBaseline: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  if (!observation) return <td />;
  const badges = cellBadges(observation, isFirst, isAfterBaseline);

  return (
    // Every cell is selectable: an empty or propagated one can still be marked vanished.
    <td
      onClick={onSelect}
      style={{
        cursor: 'pointer',
        outline: selected ? '2px solid var(--accent)' : undefined,
      }}
    >
      {observation.present && (
        <div>
          {observation.volumeMl?.toFixed(2)} ml · {observation.longestDiameterMm?.toFixed(1)} mm
        </div>
      )}
      <div>
        {badges.map((b) => (
          <span key={b.text} className={`badge ${b.tone}`}>
            {b.text}
          </span>
        ))}
      </div>
    </td>
  );
}
