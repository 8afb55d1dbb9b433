import type { Catalog } from '../catalog/catalog.js';
import { monthlyRecords, type ScenarioRun } from '../scenario/run.js';
import { assumptionRows, yearlyRecords } from './yearly-csv.js';

/**
 * A scenario run as an Excel workbook (exceljs): the yearly table in display units, the
 * monthly series in SI units, the assumptions it used, and the sources behind them. The
 * library loads only when a workbook is asked for.
 */
export async function scenarioWorkbook(run: ScenarioRun, catalog: Catalog): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'gigawatt';
  const sheet = (name: string, records: ReadonlyArray<Record<string, string | number>>) => {
    const ws = book.addWorksheet(name);
    const first = records[0];
    if (!first) return;
    ws.columns = Object.keys(first).map((key) => ({ header: key, key, width: Math.max(10, key.length + 2) }));
    ws.addRows(records.map((r) => ({ ...r })));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet('Yearly', yearlyRecords(run));
  sheet(
    'Monthly',
    monthlyRecords(run).map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(12)) : v]),
      ),
    ),
  );
  const used = assumptionRows(run);
  sheet(
    'Assumptions',
    used.map((a) => {
      const spec = run.loaded.scenario.assumptions as Record<string, unknown>;
      return {
        assumption: a.key,
        value: a.value,
        from: spec[a.key] !== undefined ? 'the scenario' : 'the catalog default',
      };
    }),
  );
  sheet('Sources', [
    ...run.loaded.scenario.sources.map((s) => ({ for: 'the scenario', title: s.title, url: s.url ?? '' })),
    ...Object.values(catalog.assumptions).flatMap((a) =>
      a.sources.map((s) => ({ for: `assumption ${a.key}`, title: s.title, url: s.url ?? '' })),
    ),
  ]);
  book.title = `${run.loaded.scenario.name}`;
  return new Uint8Array(await book.xlsx.writeBuffer());
}
