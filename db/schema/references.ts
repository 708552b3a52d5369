import { uuid } from 'drizzle-orm/pg-core';

import { timepoints } from './imaging';
import { patients } from './patients';

/**
 * Foreign keys that the lesion, signal and response tables share. Rows hang off a
 * patient or a timepoint and go with it when it is deleted.
 */
export const patientRef = () =>
  uuid('patient_id')
    .notNull()
    .references(() => patients.id, { onDelete: 'cascade' });

export const timepointRef = (column = 'timepoint_id') =>
  uuid(column)
    .notNull()
    .references(() => timepoints.id, { onDelete: 'cascade' });
