'use client';

/**
 * The on/off button of a viewer mode in which a click on the image does something (outline
 * a lesion, place the liver sphere), with the instruction shown while it is on.
 */
export function ClickToolButton({ label, active, onToggle, instruction }: {
  label: string;
  active: boolean;
  onToggle: (on: boolean) => void;
  instruction: string;
}) {
  return (
    <>
      <button
        className={active ? 'small' : 'secondary small'}
        aria-pressed={active}
        onClick={() => onToggle(!active)}
      >
        {label}
      </button>
      {active && <p className="small muted">{instruction}</p>}
    </>
  );
}
