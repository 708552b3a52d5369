import { date, integer, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id } from './columns';

export const cohorts = pgTable('cohorts', {
  id: id(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const arms = pgTable(
  'arms',
  {
    id: id(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  // Arms are looked up by name within a cohort when therapy files are imported.
  (t) => [uniqueIndex('arms_cohort_name_idx').on(t.cohortId, t.name)],
);

/**
 * A patient under a pseudonymous id (the DICOM PatientID as received; the
 * de-identification step of a later release replaces it before it gets here).
 */
export const patients = pgTable('patients', {
  id: id(),
  patientId: text('patient_id').notNull().unique(),
  sex: text('sex'),
  birthYear: integer('birth_year'),
  weightKg: real('weight_kg'),
  heightM: real('height_m'),
  armId: uuid('arm_id').references(() => arms.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const therapyEvents = pgTable('therapy_events', {
  id: id(),
  patientId: uuid('patient_id')
    .notNull()
    .references(() => patients.id, { onDelete: 'cascade' }),
  agent: text('agent').notNull(),
  line: integer('line').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  createdAt: createdAt(),
});
