import type { Command } from 'commander';
import type { Catalog } from '../catalog/catalog.js';
import { catalogFigures } from '../catalog/figure-list.js';
import { InputError, unknownId } from '../errors.js';
import { H100E_REFERENCE } from '../model/h100e.js';
import {
  renderAccelerator,
  renderAcceleratorTable,
  renderAssumptionTable,
  renderDevice,
  renderDeviceTable,
  renderModel,
  renderModelTable,
} from '../report/catalog-report.js';
import { renderFigureTable } from '../report/figure-display.js';
import { renderPowerTable, renderShipmentsTable } from '../report/supply-catalog-report.js';
import type { CliIo } from './io.js';

const KINDS = [
  'accelerators',
  'models',
  'devices',
  'assumptions',
  'power',
  'shipments',
  'yardsticks',
] as const;

export function registerCatalog(program: Command, io: CliIo, catalog: Catalog): void {
  const command = program
    .command('catalog')
    .description(
      'list the catalog (accelerators, models, devices, assumptions, power, shipments, yardsticks) or show one entry with its sources',
    );
  // A precision an accelerator lacks is left out of the JSON rather than written as null.
  const json = (value: unknown) =>
    io.stdout(`${JSON.stringify(value, (_, v: unknown) => (v === null ? undefined : v), 2)}\n`);

  command
    .command('accelerators')
    .description('list accelerators with dense peaks, memory, power, price and process')
    .option('--json', 'print the records as JSON (SI units)')
    .action((options: { json?: boolean }) => {
      const list = catalog.accelerators;
      if (options.json) json(list);
      else io.stdout(renderAcceleratorTable(list, catalog.accelerator(H100E_REFERENCE)));
    });
  command
    .command('models')
    .description('list language models with parameters, tokens and dimensions')
    .option('--json', 'print the records as JSON')
    .action((options: { json?: boolean }) => {
      const list = catalog.models;
      if (options.json) json(list);
      else io.stdout(renderModelTable(list));
    });
  command
    .command('devices')
    .description(
      'list edge devices (car computers, phone and laptop NPUs) with peaks, memory, power and price',
    )
    .option('--json', 'print the records as JSON (SI units)')
    .action((options: { json?: boolean }) => {
      const list = catalog.devices;
      if (options.json) json(list);
      else io.stdout(renderDeviceTable(list));
    });
  command
    .command('assumptions')
    .description('list the sourced defaults every calculator uses')
    .option('--json', 'print the records as JSON')
    .action((options: { json?: boolean }) => {
      const assumptions = catalog.assumptions;
      if (options.json) json(assumptions);
      else io.stdout(renderAssumptionTable(assumptions));
    });
  command
    .command('power')
    .description('list the ways to bring power online: cost, lead time, capacity factor, world build a year')
    .option('--json', 'print the records as JSON (SI units), with sources and notes')
    .action((options: { json?: boolean }) => {
      if (options.json) json(catalog.power);
      else io.stdout(renderPowerTable(catalog.power));
    });
  command
    .command('shipments')
    .description('list AI accelerators shipped each year, by vendor and type')
    .option('--json', 'print the records as JSON, with sources and notes')
    .action((options: { json?: boolean }) => {
      if (options.json) json(catalog.shipments);
      else io.stdout(renderShipmentsTable(catalog));
    });
  command
    .command('yardsticks')
    .description(
      'list what claims are held against: GDP and past programs, national grids, homes, limits of energy per operation, rental prices, deals',
    )
    .option('--json', 'print the records as JSON (SI units), with sources and notes')
    .action((options: { json?: boolean }) => {
      if (options.json) json(catalog.yardsticks);
      else
        io.stdout(
          renderFigureTable(catalogFigures(catalog).filter((f) => f.part === 'data/yardsticks.yaml')),
        );
    });
  command
    .command('show')
    .description('show one accelerator, model or device (id or alias) with every figure and source')
    .argument('<id>', 'e.g. h100, gb200, llama-3.1-405b')
    .option('--json', 'print the record as JSON')
    .action((id: string, options: { json?: boolean }) => {
      const c = catalog;
      const name = id.trim().toLowerCase();
      if (c.hasAccelerator(name)) {
        const a = c.accelerator(name);
        if (options.json) json(a);
        else io.stdout(renderAccelerator(a));
        return;
      }
      if (c.hasDevice(name)) {
        const d = c.device(name);
        if (options.json) json(d);
        else io.stdout(renderDevice(d));
        return;
      }
      try {
        const m = c.model(name);
        if (options.json) json(m);
        else io.stdout(renderModel(m));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const names = [...c.acceleratorNameList().names, ...c.models.flatMap((m) => [m.id, ...m.aliases])];
        const ids = [
          ...c.acceleratorNameList().ids,
          ...c.models.flatMap((m) => [m.id, ...m.aliases.map(() => m.id)]),
        ];
        throw new InputError(unknownId('catalog entry', id, names, ids));
      }
    });
  command.argument('[kind]', KINDS.join(' | ')).action((kind?: string) => {
    if (kind === undefined) {
      io.stdout(command.helpInformation());
      return;
    }
    throw new InputError(unknownId('catalog list', kind, [...KINDS, 'show']));
  });
}
