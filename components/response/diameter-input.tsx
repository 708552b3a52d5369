'use client';

import { useState } from 'react';

interface Props {
  valueMm: number | null;
  overridden: { changedBy: string; changedAt: string } | null;
  disabled: boolean;
  /** null: not evaluated; undefined: clear the override. */
  onSave: (diameterMm: number | null | undefined) => void;
}

/** A diameter a reader can overwrite; empty means "not evaluated", "auto" clears it. */
export function DiameterInput({ valueMm, overridden, disabled, onSave }: Props) {
  const shown = valueMm === null ? '' : String(Math.round(valueMm * 10) / 10);
  const [text, setText] = useState(shown);
  const save = () => {
    if (text.trim() === shown) return;
    if (text.trim().toLowerCase() === 'auto') return onSave(undefined);
    const value = text.trim() === '' ? null : Number(text);
    if (value === null || (Number.isFinite(value) && value >= 0)) onSave(value);
  };
  const title = overridden
    ? `Set by ${overridden.changedBy} on ${overridden.changedAt.slice(0, 10)}; type "auto" ` +
      'to restore the measured value'
    : 'Measured from the mask; type a value to override, or clear it for not evaluated';

  return (
    <input
      aria-label="diameter in mm"
      title={title}
      value={text}
      disabled={disabled}
      size={5}
      style={{ fontWeight: overridden ? 700 : 400, padding: '2px 4px' }}
      onChange={(e) => setText(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => e.key === 'Enter' && save()}
    />
  );
}
