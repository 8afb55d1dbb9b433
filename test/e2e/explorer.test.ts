import { describe, expect, it } from 'vitest';
import { TIMEOUT, useExplorer } from '../helpers/explorer.js';

/**
 * The explorer in a real browser (a Chromium driven by playwright-core): change inputs and
 * watch numbers and charts move, save runs, restart the server, find them, compare them.
 * A screenshot of each page goes to artifacts/screenshots/.
 */
const explorer = useExplorer();

describe('the web explorer', () => {
  it(
    'lists scenarios and calculators on its front page',
    async () => {
      await explorer.page.goto(explorer.server.url);
      await explorer.page.getByRole('link', { name: 'Stargate', exact: true }).waitFor();
      expect(await explorer.page.getByRole('link', { name: /^Cluster:/ }).count()).toBe(1);
      await explorer.shot('home');
      // A calculator opens with its example filled in, so a first visit shows numbers at once.
      await explorer.page.getByRole('link', { name: /^Cluster:/ }).click();
      await expect
        .poll(() => explorer.page.getByTestId('output-facility_power').textContent(), { timeout: 10_000 })
        .toBe('174 MW');
    },
    TIMEOUT,
  );
  it(
    'recomputes a calculator as you type',
    async () => {
      await explorer.page.goto(`${explorer.server.url}/calc/cluster?accelerator=h100&count=100k`);
      const power = explorer.page.getByTestId('output-facility_power');
      await expect.poll(() => power.textContent(), { timeout: 10_000 }).toBe('174 MW');
      // A choice left at its default is reported as the CLI reports it: "default", not "given".
      const precision = explorer.page.locator('tr', {
        has: explorer.page.locator('td', { hasText: /^precision$/ }),
      });
      expect(await precision.textContent()).toMatch(/bf16\s*default/);
      await explorer.page.locator('#field-pue').fill('1.4');
      // 145.3 MW of IT power × 1.4 = 203 MW.
      await expect.poll(() => power.textContent(), { timeout: 10_000 }).toBe('203 MW');
      expect(explorer.page.url()).toContain('pue=1.4');
      // Once the model has loaded, a plain run is computed in the page, with the same figures.
      await explorer.page.waitForFunction('globalThis.gigawattModelLoaded === true', undefined, {
        timeout: 30_000,
      });
      await explorer.page.locator('#field-pue').fill('1.3');
      // 145.3 MW of IT power × 1.3 = 189 MW.
      await expect.poll(() => power.textContent(), { timeout: 10_000 }).toBe('189 MW');
      expect(await explorer.page.getByTestId('status').textContent()).toBe('computed in this page');
      await explorer.page.locator('#field-pue').fill('1.1 to 1.4');
      await expect
        .poll(() => explorer.page.getByTestId('status').textContent(), { timeout: 15_000 })
        .toMatch(/Monte Carlo/);
      await explorer.shot('calculator');
    },
    TIMEOUT,
  );
  it(
    'moves the numbers and the charts when an assumption changes, and keeps it in the URL',
    async () => {
      await explorer.page.goto(`${explorer.server.url}/scenario/stargate`);
      await explorer.page.getByTestId('yearly-table').waitFor();
      // Opex is one of the columns a desktop does not show at first: pick it.
      await explorer.page.getByTestId('column-picker').locator('summary').click();
      await explorer.page.getByTestId('column-annual_opex').check();
      const cell = explorer.page.getByTestId('cell-2030-annual_opex');
      await cell.waitFor();
      expect(new URL(explorer.page.url()).searchParams.get('cols')).toContain('annual_opex');
      const chart = explorer.page.getByTestId('chart-opex');
      const before = { cell: await cell.textContent(), chart: await chart.innerHTML() };
      await explorer.page.getByTestId('input-electricity_price').fill('$0.20/kWh');
      await expect.poll(() => cell.textContent(), { timeout: 15_000 }).not.toBe(before.cell);
      expect(await chart.innerHTML()).not.toBe(before.chart);
      expect(decodeURIComponent(explorer.page.url())).toContain('electricity_price=$0.20/kWh');
      // A chart shows each month's figure on hover, and downloads as SVG, PNG and CSV.
      expect(await chart.locator('title').first().textContent()).toMatch(/^Jan 2025: \$[\d.]+/);
      const got = async (kind: string) => {
        const [file] = await Promise.all([
          explorer.page.waitForEvent('download'),
          explorer.page.getByTestId(`download-opex-${kind}`).click(),
        ]);
        return Buffer.concat((await (await file.createReadStream()).toArray()) as Buffer[]);
      };
      expect((await got('svg')).toString()).toMatch(/^<svg/);
      expect((await got('png')).subarray(1, 4).toString()).toBe('PNG');
      expect((await got('csv')).toString()).toMatch(/^month,usd_b\n2025-01,/);
      // The yearly table downloads as CSV in display units, with the edit in its header.
      const [download] = await Promise.all([
        explorer.page.waitForEvent('download'),
        explorer.page.getByTestId('yearly-csv').click(),
      ]);
      const csv = await (await download.createReadStream()).toArray();
      const text = Buffer.concat(csv as Buffer[]).toString('utf8');
      expect(text).toContain('#   electricity_price = $0.20/kWh');
      expect(text).toMatch(/\nyear,facility_power_requested_gw,/);
      // And as an Excel workbook.
      const [xlsx] = await Promise.all([
        explorer.page.waitForEvent('download'),
        explorer.page.getByTestId('xlsx').click(),
      ]);
      const bytes = Buffer.concat((await (await xlsx.createReadStream()).toArray()) as Buffer[]);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(xlsx.suggestedFilename()).toBe('stargate.xlsx');
      // A wrong value greys the figures out and names the box, not a line of YAML.
      await explorer.page.getByTestId('input-electricity_price').fill('cheap');
      await expect
        .poll(() => explorer.page.getByTestId('error').textContent(), { timeout: 15_000 })
        .toMatch(/^Electricity price: /);
      expect(await explorer.page.getByTestId('results').getAttribute('class')).toContain('stale');
      await explorer.page.getByTestId('input-electricity_price').fill('$0.20/kWh');
      await expect
        .poll(() => explorer.page.getByTestId('results').getAttribute('class'), { timeout: 15_000 })
        .not.toContain('stale');
      await save('Stargate, dear power');

      // A link reproduces the view: the edit comes back from the URL alone.
      await explorer.page.goto(explorer.page.url());
      await expect.poll(() => cell.textContent(), { timeout: 15_000 }).not.toBe(before.cell);
      await explorer.shot('scenario');

      await explorer.page.goto(`${explorer.server.url}/scenario/stargate`);
      await explorer.page.getByTestId('cell-2030-accelerators').waitFor();
      const slider = explorer.page.getByTestId('slider-pue');
      await slider.fill('1.5');
      await expect
        .poll(() => explorer.page.getByTestId('input-pue').inputValue(), { timeout: 5_000 })
        .toBe('1.5');
      await expect
        .poll(() => explorer.page.getByTestId('cell-2030-accelerators').textContent(), { timeout: 15_000 })
        .not.toBe(before.cell);
      await save('Stargate, PUE 1.5');
    },
    TIMEOUT,
  );
  it(
    'puts a program beside the world and a power load by source, as the CLI does',
    async () => {
      await explorer.page.goto(`${explorer.server.url}/scenario/seven-trillion`);
      const share = explorer.page.getByTestId('world-share');
      await share.waitFor({ timeout: 30_000 });
      expect(await share.locator('tbody tr').count()).toBeGreaterThan(5);
      expect(await explorer.page.getByTestId('world-warning').first().textContent()).toMatch(
        /^Warning: it installs more accelerators than the world makes/,
      );
      await explorer.page.goto(`${explorer.server.url}/calc/power?power=52GW`);
      const breakdown = explorer.page.getByTestId('breakdown');
      await breakdown.waitFor({ timeout: 30_000 });
      expect(await breakdown.locator('tbody tr').count()).toBeGreaterThanOrEqual(9);
      expect(await breakdown.textContent()).toContain('gas-cc');
    },
    TIMEOUT,
  );
  it(
    'finds saved runs after a restart and compares two',
    async () => {
      await explorer.restart();
      await explorer.page.goto(`${explorer.server.url}/runs`);
      const table = explorer.page.getByTestId('runs-table');
      await table.waitFor();
      expect(await table.textContent()).toContain('Stargate, dear power');
      expect(await table.textContent()).toContain('Stargate, PUE 1.5');
      await explorer.shot('runs');
      const ticks = explorer.page.locator('[data-testid^="pick-"]');
      await ticks.nth(0).check();
      await ticks.nth(1).check();
      await explorer.page.getByTestId('compare-button').click();
      await explorer.page.getByTestId('compare-charts').locator('svg').first().waitFor();
      const differences = await explorer.page.getByTestId('differences').textContent();
      expect(differences).toContain('Accelerators');
      expect(differences).toMatch(/[+-]\d+\.\d%/);
      // What the two were given differently, and every chart.
      expect(await explorer.page.getByTestId('compare-settings').textContent()).toMatch(
        /Electricity price|PUE/,
      );
      expect(await explorer.page.getByTestId('compare-charts').locator(':scope > div').count()).toBe(6);
      // The year shown is in the link.
      await explorer.page.getByTestId('compare-year').selectOption('2027');
      expect(new URL(explorer.page.url()).searchParams.get('year')).toBe('2027');
      await explorer.shot('compare');
    },
    TIMEOUT,
  );
  it(
    'reopens a saved run with its edits, and deletes one for good',
    async () => {
      await explorer.page.goto(`${explorer.server.url}/runs`);
      const row = explorer.page.locator('tr', { hasText: 'Stargate, dear power' });
      await row.getByRole('button', { name: 'Open' }).click();
      await expect
        .poll(() => explorer.page.getByTestId('input-electricity_price').inputValue(), { timeout: 15_000 })
        .toBe('$0.20/kWh');
      expect(explorer.page.url()).toContain('/scenario/stargate');

      await explorer.page.goto(`${explorer.server.url}/runs`);
      const doomed = explorer.page
        .locator('tr', { hasText: 'Stargate, PUE 1.5' })
        .getByRole('button', { name: 'Delete' });
      // Deleting asks first: answered no, the run stays.
      explorer.page.once('dialog', (dialog) => void dialog.dismiss());
      await doomed.click();
      expect(await explorer.page.getByTestId('runs-table').textContent()).toContain('PUE 1.5');
      explorer.page.once('dialog', (dialog) => {
        expect(dialog.message()).toContain('Stargate, PUE 1.5');
        void dialog.accept();
      });
      await doomed.click();
      await expect
        .poll(() => explorer.page.getByTestId('runs-table').textContent(), { timeout: 10_000 })
        .not.toContain('PUE 1.5');
      await explorer.page.reload();
      await explorer.page.getByTestId('runs-table').waitFor();
      expect(await explorer.page.getByTestId('runs-table').textContent()).not.toContain('PUE 1.5');
    },
    TIMEOUT,
  );
  it(
    'runs a scenario written in the browser, names its mistakes by line, and saves it',
    async () => {
      await explorer.page.goto(explorer.server.url);
      await explorer.page.getByTestId('write-scenario').click();
      const editor = explorer.page.getByTestId('yaml-editor');
      await editor.waitFor();
      const text = await editor.inputValue();
      await editor.fill(
        text
          .replace(/^name: .*$/m, 'name: My own plan')
          .replace(/^span: .*$/m, 'span: {start: 2025-01, end: 2027-13}'),
      );
      await expect
        .poll(() => explorer.page.getByTestId('error').textContent(), { timeout: 15_000 })
        .toMatch(/your scenario:\d+:\d+/);
      // The assumptions the text sets are what the controls show.
      await editor.fill(
        text
          .replace(/^name: .*$/m, 'name: My own plan')
          .replace(/^assumptions:\n/m, 'assumptions:\n  pue: 1.37\n'),
      );
      await expect
        .poll(() => explorer.page.locator('h1').textContent(), { timeout: 15_000 })
        .toBe('My own plan');
      expect(await explorer.page.getByTestId('error').textContent()).toBe('');
      await expect
        .poll(() => explorer.page.getByTestId('input-pue').inputValue(), { timeout: 15_000 })
        .toBe('1.37');
      // The text travels in the link: a reload (or the link sent on) brings it back.
      await expect
        .poll(() => new URL(explorer.page.url()).hash, { timeout: 10_000 })
        .toMatch(/^#yaml=[\w-]+$/);
      await explorer.page.reload();
      await expect
        .poll(() => explorer.page.getByTestId('yaml-editor').inputValue(), { timeout: 15_000 })
        .toMatch(/^name: My own plan$/m);
      await expect
        .poll(() => explorer.page.locator('h1').textContent(), { timeout: 15_000 })
        .toBe('My own plan');
      await save('My own plan, saved');
      await explorer.page.goto(`${explorer.server.url}/runs`);
      await explorer.page
        .locator('tr', { hasText: 'My own plan, saved' })
        .getByRole('button', { name: 'Open' })
        .click();
      await expect
        .poll(() => explorer.page.getByTestId('yaml-editor').inputValue(), { timeout: 15_000 })
        .toMatch(/^name: My own plan$/m);
      await expect
        .poll(() => explorer.page.locator('h1').textContent(), { timeout: 15_000 })
        .toBe('My own plan');
      await explorer.page.getByTestId('chart-power').locator('svg').first().waitFor();
      await explorer.shot('custom-scenario');
    },
    TIMEOUT,
  );
  it(
    'shows every claim and published fact with its verdict and source link',
    async () => {
      await explorer.page.goto(`${explorer.server.url}/claims`);
      const published = explorer.page.getByTestId('checks-published');
      await published.waitFor({ timeout: 30_000 });
      expect(await published.locator('a[href^="http"]').count()).toBeGreaterThan(10);
      expect(await explorer.page.getByTestId('checks-claims').locator('tbody tr').count()).toBeGreaterThan(
        10,
      );
      // Each check opens onto why: its note, inputs, the reading the model matches best, and a link.
      await explorer.page.getByTestId('why-E-400EF').locator('summary').click();
      expect(await explorer.page.getByTestId('closest-E-400EF').first().textContent()).toMatch(
        /precision fp8, sparsity sparse/,
      );
      await explorer.shot('claims');
      // The founding claims: the README's table, one row a claim, each opening its calculator or scenario.
      const founding = explorer.page.getByTestId('founding-claims');
      const rows = await founding.locator('tbody tr').allTextContents();
      expect(rows.some((r) => r.includes('gigawatt calc grid-scale --year 2030'))).toBe(true);
      expect(rows.some((r) => /^OUT-\d+HumanEval.*out of scope: /.test(r))).toBe(true);
      await explorer.page.getByTestId('claim-A-GRID-SCALE-2030').click();
      await explorer.page.getByTestId('output-annual_energy').waitFor({ timeout: 15_000 });
      expect(new URL(explorer.page.url()).pathname).toBe('/calc/grid-scale');
      expect(await explorer.page.getByTestId('output-annual_energy').textContent()).toMatch(/PWh|TWh/);
      await explorer.page.goBack();
      await explorer.page.getByTestId('why-E-400EF').locator('summary').click();
      await explorer.page.getByTestId('open-E-400EF').click();
      await explorer.page.getByTestId('output-peak_flops').waitFor({ timeout: 15_000 });
      expect(new URL(explorer.page.url()).pathname).toBe('/calc/cluster');
      expect(new URL(explorer.page.url()).searchParams.get('count')).toBe('100k');
    },
    TIMEOUT,
  );
});

async function save(name: string): Promise<void> {
  await explorer.page.getByTestId('save-name').fill(name);
  // Enter in the name box saves, as the button does.
  await explorer.page.getByTestId('save-name').press('Enter');
  await expect
    .poll(() => explorer.page.getByTestId('save-status').textContent(), { timeout: 15_000 })
    .toMatch(/saved as/);
}
