import { ReferenceArea } from 'recharts';

import { dayOf } from '@/lib/timeline-scale';

/** A line of therapy as the charts draw it; an open end runs to the last scan. */
export interface TherapyPeriod {
  id: string;
  agent: string;
  startDate: string;
  endDate: string | null;
}

/**
 * The shaded therapy periods of a chart whose x axis is in days (dayOf). Returned as
 * ReferenceArea elements, not a component of its own, because Recharts reads its
 * children's types to lay them out.
 */
export function therapyBands(
  therapy: TherapyPeriod[], lastDate: string, options: { labelled: boolean },
) {
  return therapy.map((t) => (
    <ReferenceArea
      key={t.id}
      x1={dayOf(t.startDate)}
      x2={dayOf(t.endDate ?? lastDate)}
      fill="var(--accent)"
      fillOpacity={options.labelled ? 0.1 : 0.08}
      ifOverflow="hidden"
      label={options.labelled
        ? { value: t.agent, position: 'insideTop', fontSize: 10 } : undefined}
    />
  ));
}
