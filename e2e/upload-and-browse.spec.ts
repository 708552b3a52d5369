import fs from 'node:fs';
import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';

import { indexToPoint, pointToIndex } from '../server/imaging/image';
import type { GroundTruth } from '../server/phantom/ground-truth';

import { firstPatientFolder, runDir } from './paths';

test.describe.configure({ mode: 'serial' });

test('a folder upload ingests every file and reports each one', async ({ page }) => {
  const { dir } = firstPatientFolder();
  const fileCount = countFiles(dir);

  await page.goto('/ingest');
  await page.getByLabel('Choose a folder').setInputFiles(dir);
  await expect(page.getByText(`${fileCount} files`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Upload and ingest' }).click();

  await expect(page.getByTestId('ingest-summary')).toHaveText(
    `${fileCount} ingested, 0 unchanged, 0 rejected.`,
    { timeout: 90_000 },
  );
  await expect(page.getByRole('table', { name: 'File outcomes' }).getByRole('row')).toHaveCount(
    fileCount + 1,
  );
});

test('a non-DICOM file is refused with its reason while nothing else is lost', async ({ page }) => {
  await page.goto('/ingest');
  await page.getByLabel('Choose files').setInputFiles(path.join(runDir(), 'not-dicom.txt'));
  await page.getByRole('button', { name: 'Upload and ingest' }).click();

  await expect(page.getByTestId('ingest-summary')).toHaveText(
    '0 ingested, 0 unchanged, 1 rejected.',
  );
  const row = page.getByRole('row', { name: /not-dicom\.txt/ });
  await expect(row).toContainText('rejected');
  await expect(row.getByRole('cell').nth(2)).not.toBeEmpty();

  await page.goto('/ingest/history');
  await expect(page.getByRole('row')).toHaveCount(3);
});

test('the patient page shows the timeline, the baseline and the series', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  const truth = groundTruth(patientId);

  await page.goto('/');
  await page.getByRole('link', { name: patientId }).click();

  await expect(page.getByRole('heading', { name: `Patient ${patientId}` })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Timeline' })).toBeVisible();
  const rows = page.getByRole('table').first().getByRole('row');
  await expect(rows).toHaveCount(truth.timepoints.length + 1);
  await expect(page.getByText('baseline', { exact: true })).toBeVisible();
});

test('the viewer scrolls slices and reads HU under the cursor', async ({ page }) => {
  const { patientId } = firstPatientFolder();

  await page.goto(`/patients/${patientId}`);
  await page.getByRole('link', { name: /CT/ }).first().click();
  const canvas = page.getByTestId('slice-canvas');
  await expect(canvas).toBeVisible();

  const sliceLabel = page.getByText(/^Slice \d+ \/ \d+/);
  const before = await sliceLabel.textContent();
  await canvas.hover();
  await page.mouse.wheel(0, 120);
  await expect(sliceLabel).not.toHaveText(before ?? '');

  const box = await canvas.boundingBox();
  if (!box) throw new Error('The canvas has no box.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('pixel-value')).toHaveText(/-?\d+ HU$/);
  // The middle of the body is tissue, not air: far above -1000 HU.
  const text = (await page.getByTestId('pixel-value').textContent()) ?? '';
  expect(Number(/(-?\d+) HU$/.exec(text)?.[1])).toBeGreaterThan(-900);
});

function countFiles(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())
    .length;
}


test('a user corrects a series type and chooses another baseline', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}`);

  const firstType = page.getByLabel('Series type').first();
  await firstType.selectOption('OTHER');
  await expect(page.getByText('type set by user').first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Series type').first()).toHaveValue('OTHER');
  await page.getByLabel('Series type').first().selectOption('CT');

  const rows = page.getByRole('table').first().getByRole('row');
  await rows.nth(2).getByRole('button', { name: 'Make baseline' }).click();
  await expect(rows.nth(2)).toContainText('baseline (set by user)');
  await expect(rows.nth(1).getByRole('button', { name: 'Make baseline' })).toBeVisible();
});

test('therapy lines are imported from a file and edited in place', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}`);

  await page
    .getByLabel(/Import therapy lines/)
    .setInputFiles(path.join(runDir(), 'cohort', 'therapy.csv'));
  await expect(page.getByText(/^Imported \d+ lines/)).toBeVisible();
  const therapyRows = page.locator('.panel', { hasText: 'Therapy' }).getByRole('row');
  await expect(therapyRows.nth(1)).toBeVisible();

  await therapyRows.nth(1).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Agent' }).fill('Renamed agent');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Renamed agent').first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Timeline' })).toContainText('Renamed agent');
});

test('lesions are tracked across timepoints from the lesion table', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  const truth = groundTruth(patientId);
  await page.goto(`/patients/${patientId}`);
  await page
    .getByRole('link', { name: /lesion/i })
    .first()
    .click();

  await page.getByRole('button', { name: 'Track lesions' }).click();
  // Progress in words while the follow-ups register (most of the run's time).
  await expect(page.getByText(/^Registering follow-ups to baseline: \d+ of \d+ done$/))
    .toBeVisible();
  await expect(page.getByText('The lesion table appears here when tracking ends.')).toBeVisible();
  const table = page.getByRole('table');
  await expect(table).toBeVisible({ timeout: 240_000 });
  // One column per timepoint besides the lesion column.
  await expect(table.getByRole('columnheader')).toHaveCount(truth.timepoints.length + 1);
  await expect(table.getByRole('row').nth(1)).toContainText(/ml/);
  // A follow-up's header says how its registration was judged, not just "ok".
  const registered = table.getByRole('columnheader').filter({ hasText: /\bok\b/ }).first();
  await expect(registered).toHaveAttribute('title',
    /^Registered to the baseline CT by elastix \(WebAssembly\)\. Body overlap Dice 0\.\d+/);
});

test('a tracked lesion opens on its own page with one panel per timepoint', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/lesions`);
  await page.getByRole('link', { name: 'L1', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Lesion L1' })).toBeVisible();
  await expect(page.getByTestId('slice-canvas').first()).toBeVisible();
  const offset = page.getByLabel('Slice offset');
  await offset.fill('2');
  await expect(offset).toHaveValue('2');
  await expect(page.getByRole('heading', { name: 'Volume over time' })).toBeVisible();
});

test('hallmark signals are computed and charted per hallmark', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  // The page's first status read ("no job yet") is delivered only once the page shows the
  // job the click started, as a slow server might: that job must still be followed.
  let held = false;
  await page.route('**/api/trpc/signals.status*', async (route) => {
    if (held) return route.continue();
    held = true;
    const noJobYet = await route.fetch();
    await page.getByText(/^Computing signals/).waitFor();
    await route.fulfill({ response: noJobYet }).catch(() => undefined);
  });
  await page.goto(`/patients/${patientId}/signals`);
  await page.getByRole('button', { name: 'Compute signals' }).click();

  await expect(page.getByRole('heading', { name: 'energetics' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('heading', { name: 'proliferation' })).toBeVisible();
  const csv = await page.request.get(`/api/patients/${patientId}/signals.csv`);
  expect(csv.ok()).toBe(true);
  expect((await csv.text()).split('\n')[0]).toContain('signal');
});

test('the lesion page shows its signals and the change per hallmark', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/lesions`);
  await page.getByRole('link', { name: 'L1', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Change since baseline, per hallmark' }))
    .toBeVisible();
  // One bar per hallmark measured at baseline and since; the phantom has CT and FDG PET.
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Every signal over time' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /SUVmax/ }).first()).toBeVisible();
});

test('a liver sphere moved by the reader is measured again and marked as placed by hand', async ({
  page,
}) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/signals`);

  const x = page.getByLabel(/^Liver sphere x \(LPS mm\)/).first();
  await expect(x).toBeVisible();
  const before = Number(await x.inputValue());
  await x.fill(String(before + 10));
  await page.getByRole('button', { name: 'Move sphere' }).first().click();

  const row = page.getByRole('row', { name: /Liver sphere/ }).first();
  await expect(row).toContainText('by hand');
  await expect(x).toHaveValue((before + 10).toFixed(1));
});

test('a click in the PET viewer places the liver sphere where the reader clicked', async ({
  page,
}) => {
  const { patientId } = firstPatientFolder();
  const baseline = groundTruth(patientId).timepoints[0];
  if (!baseline) throw new Error('The ground truth has no timepoint.');
  const pet = baseline.series.fdgPet.geometry;
  // The viewer opens on the middle slice; the click lands a few voxels off the image centre.
  const voxel: [number, number, number] = [Math.floor(pet.size[0] / 2) + 3,
    Math.floor(pet.size[1] / 2) + 2, Math.floor(pet.size[2] / 2)];

  await page.goto(`/patients/${patientId}`);
  await page.getByRole('link', { name: /^PET FDG/ }).first().click();
  await expect(page.getByTestId('liver-sphere')).toContainText('placed');
  await page.getByRole('button', { name: 'Place liver sphere here' }).click();
  const canvas = page.getByTestId('slice-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The canvas has no box.');
  await page.mouse.click(box.x + (voxel[0] + 0.5) * (box.width / pet.size[0]),
    box.y + (voxel[1] + 0.5) * (box.height / pet.size[1]));
  await expect(page.getByTestId('liver-sphere')).toContainText('placed by hand');

  await page.goto(`/patients/${patientId}/signals`);
  const x = page.getByLabel(/^Liver sphere x \(LPS mm\)/).first();
  await expect(x).toHaveValue(indexToPoint(pet, voxel)[0].toFixed(1));
});

test('the response page scores RECIST 1.1 with a best overall response', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/response`);

  await expect(page.getByText(/^Best overall response:/)).toBeVisible();
  await expect(page.getByText(/Sum of targets/i)).toBeVisible();
  await page.getByRole('button', { name: 'iRECIST' }).click();
  await expect(page.getByText(/^Best overall response:/)).toBeVisible();
});

test('a reader override of one diameter turns the last scan into progression', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/response`);

  await page.getByLabel('role of L1').selectOption('target');
  const row = page.getByRole('row', { name: /^L1/ });
  const last = row.getByLabel('diameter in mm').last();
  await last.fill('250');
  await last.press('Enter');

  await expect(last).toHaveAttribute('title', /^Set by web user/);
  const categories = page.getByRole('row', { name: /^Category/i }).getByRole('cell');
  await expect(categories.last()).toHaveText('PD');
});

test('a non-target lesion marked as progressing makes that scan PD, and a skipped scan NE', async ({
  page,
}) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/response`);
  const categories = page.getByRole('row', { name: /^Category/i }).getByRole('cell');

  // Undo the previous test's diameter so that only the non-target decides.
  const diameter = page.getByRole('row', { name: /^L1/ }).getByLabel('diameter in mm').last();
  await diameter.fill('auto');
  await diameter.press('Enter');
  await expect(diameter).not.toHaveAttribute('title', /^Set by/);
  await expect(categories.last()).not.toHaveText('PD');

  await page.getByLabel('role of L2').selectOption('non-target');
  const status = page.getByLabel(/^status of L2 on /).last();
  await status.selectOption('progression');
  await expect(categories.last()).toHaveText('PD');
  await expect(categories.last()).toHaveAttribute('title', /non-target/i);
  await page.reload();
  await expect(page.getByLabel(/^status of L2 on /).last()).toHaveValue('progression');

  await status.selectOption('present');
  await expect(categories.last()).not.toHaveText('PD');
  // The box follows the stored answer, so it changes only once the server has it.
  const evaluated = page.getByRole('columnheader').last()
    .getByRole('checkbox', { name: 'evaluated' });
  await evaluated.click();
  await expect(evaluated).not.toBeChecked();
  await expect(categories.last()).toHaveText('NE');
});

test('a reader confirms a link and marks a lesion vanished, and both survive a reload', async ({
  page,
}) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/lesions`);
  const row = page.getByRole('row', { name: /^L1\b/ });

  await row.getByRole('cell').nth(2).click();
  await expect(page.getByRole('heading', { name: 'Review L1' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm link' }).click();
  await expect(row.getByRole('cell').nth(2)).toContainText('confirmed');

  await row.getByRole('cell').last().click();
  await page.getByRole('button', { name: 'Mark vanished from this timepoint' }).click();
  await expect(row.getByRole('cell').last()).toContainText('vanished');

  await page.reload();
  await expect(row.getByRole('cell').nth(2)).toContainText('confirmed');
  await expect(row.getByRole('cell').last()).toContainText('vanished');
});

test('a reader marks a linked observation as a new lesion, which starts its own track', async ({
  page,
}) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/lesions`);
  const rows = page.getByRole('table').getByRole('row');
  const l2 = page.getByRole('row', { name: /^L2\b/ });
  await expect(l2).toBeVisible();
  const before = await rows.count();

  await l2.getByRole('cell').last().click();
  await page.getByRole('button', { name: 'Mark as new lesion' }).click();

  await expect(rows).toHaveCount(before + 1);
  await page.reload();
  await expect(rows).toHaveCount(before + 1);
});

test('the review queue lists what needs a look, and a confirmed link leaves it', async ({
  page,
}) => {
  // The vanish above left the mask it took from L1 on a new lesion of its own, to review.
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/lesions`);
  const items = page.getByRole('region', { name: 'To review' }).getByRole('listitem');
  const leftOver = items.filter({ hasText: 'new lesion' });
  await expect(leftOver.first()).toBeVisible();
  const before = await items.count();

  await leftOver.first().getByRole('button').click();
  await expect(page.getByRole('heading', { name: /^Review L\d+$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm link' }).click();
  await expect(items).toHaveCount(before - 1);
  await page.reload();
  await expect(items).toHaveCount(before - 1);
});

test('a target marked too small to measure counts 5 mm in the sum of its scan', async ({
  page,
}) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/response`);
  const l3 = page.getByRole('row', { name: /^L3/ });
  await expect(l3).toBeVisible();
  // Cells after the row header: the baseline, then the first follow-up.
  const sum = page.getByRole('row', { name: /^Sum of targets/ }).getByRole('cell').nth(1);
  const before = (await sum.textContent()) ?? '';

  const tooSmall = l3.getByRole('checkbox', { name: /^too small to measure: L3 on / }).first();
  await tooSmall.click();
  await expect(tooSmall).toBeChecked();
  await expect(l3).toContainText('too small: 5 mm');
  await expect(sum).not.toHaveText(before);
  await page.reload();
  await expect(tooSmall).toBeChecked();
});

test('a reader calls a new lesion equivocal, and the choice is kept', async ({ page }) => {
  const { patientId } = firstPatientFolder();
  await page.goto(`/patients/${patientId}/response`);

  const status = page.getByLabel(/^new lesion status of /).first();
  await status.selectOption('equivocal');
  await expect(status).toHaveValue('equivocal');
  await page.reload();
  await expect(page.getByLabel(/^new lesion status of /).first()).toHaveValue('equivocal');
});

test('a click on a lesion the SEG already holds is refused and names that lesion', async ({
  page,
}) => {
  const { patientId } = firstPatientFolder();
  const { voxel, pet } = hottestLesionAtBaseline(patientId);

  await page.goto(`/patients/${patientId}`);
  await page.getByRole('link', { name: /^PET FDG/ }).first().click();
  await clickVoxel(page, voxel, pet.size);

  await expect(page.getByRole('alert').filter({ hasText: 'already segmented' })).toContainText(
    /already segmented at this timepoint as lesion L\d+ \(segment "/);
  await expect(page.getByTestId('threshold-outline')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Threshold outlines' })).toHaveCount(0);
});

test('a click on a hot PET lesion no SEG holds outlines it, and the outline is kept and listed',
  async ({ page }) => {
    // The second phantom patient's baseline PET alone: a scan nobody segmented.
    const patientId = secondPatientId();
    const { voxel, pet, directory } = hottestLesionAtBaseline(patientId);
    await page.goto('/ingest');
    await page.getByLabel('Choose a folder').setInputFiles(path.join(runDir(), 'cohort',
      directory));
    await page.getByRole('button', { name: 'Upload and ingest' }).click();
    await expect(page.getByTestId('ingest-summary')).toContainText('0 rejected.');

    await page.goto(`/patients/${patientId}`);
    await page.getByRole('link', { name: /^PET FDG/ }).first().click();
    await clickVoxel(page, voxel, pet.size);
    await expect(page.getByTestId('threshold-outline')).toContainText('voxels');

    await page.reload();
    const listed = page.getByRole('table', { name: 'Threshold outlines' }).getByRole('row');
    await expect(listed).toHaveCount(2);
    await expect(listed.nth(1)).toContainText(/^L\d+/);

    // The outline is a lesion a reader reviews like a segmented one.
    await page.goto(`/patients/${patientId}/lesions`);
    const cell = page.getByRole('cell').filter({ hasText: 'PET outline' });
    await cell.click();
    await page.getByRole('button', { name: 'Mark as new lesion' }).click();
    await expect(cell).toContainText('manual');
    await page.reload();
    await expect(cell).toContainText('manual');
  });

function hottestLesionAtBaseline(patientId: string) {
  const baseline = groundTruth(patientId).timepoints[0];
  if (!baseline) throw new Error('The ground truth has no timepoint.');
  const hottest = baseline.lesions
    .filter((l) => l.present && l.suvMax !== null && l.centroidScannerMm !== null)
    .sort((a, b) => (b.suvMax ?? 0) - (a.suvMax ?? 0))[0];
  if (!hottest?.centroidScannerMm) throw new Error('No lesion is present at baseline.');
  const pet = baseline.series.fdgPet.geometry;
  const voxel = pointToIndex(pet, hottest.centroidScannerMm).map(Math.round) as number[];

  return { voxel, pet, directory: baseline.series.fdgPet.directory };
}

/** Scrolls the open viewer to the voxel's slice and clicks it with the outline tool on. */
async function clickVoxel(page: Page, [i = 0, j = 0, k = 0]: number[], size: number[]) {
  const slider = page.getByLabel('Slice', { exact: true });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let n = 0; n < k; n++) await page.keyboard.press('ArrowRight');
  await expect(page.getByText(new RegExp(`^Slice ${k + 1} / `))).toBeVisible();

  await page.getByRole('button', { name: 'Outline lesion here' }).click();
  const canvas = page.getByTestId('slice-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The canvas has no box.');
  await page.mouse.click(box.x + (i + 0.5) * (box.width / (size[0] ?? 1)),
    box.y + (j + 0.5) * (box.height / (size[1] ?? 1)));
}

function secondPatientId(): string {
  const truth = JSON.parse(
    fs.readFileSync(path.join(runDir(), 'cohort', 'ground-truth.json'), 'utf8'),
  ) as GroundTruth;
  const ids = truth.patients.map((p) => p.patientId).sort();
  if (!ids[1]) throw new Error('The phantom cohort has no second patient.');

  return ids[1];
}

function groundTruth(patientId: string): GroundTruth['patients'][number] {
  const truth = JSON.parse(
    fs.readFileSync(path.join(runDir(), 'cohort', 'ground-truth.json'), 'utf8'),
  ) as GroundTruth;
  const patient = truth.patients.find((p) => p.patientId === patientId);
  if (!patient) throw new Error(`Patient ${patientId} is not in the ground truth.`);

  return patient;
}
