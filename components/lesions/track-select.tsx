'use client';

/** A labelled choice of one tracked lesion; '' while nothing is chosen. */
export function TrackSelect({
  label,
  tracks,
  value,
  onChange,
}: {
  label: string;
  tracks: { id: string; label: string }[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">choose a lesion</option>
        {tracks.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </select>
    </label>
  );
}
