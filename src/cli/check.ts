import type { Command } from 'commander';
import type { Catalog } from '../catalog/catalog.js';
import type { CliIo } from './io.js';
export function registerCheck(_p: Command, _io: CliIo, _c: () => Catalog): void {}
