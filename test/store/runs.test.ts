import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type NewRun, RunStore } from '../../src/store/runs.js';

const scenarioRun: NewRun = {
  name: 'Stargate, cheaper power',
  kind: 'scenario',
  subject: 'Stargate',
  spec: 'name: Stargate\nspan: {start: 2025-01, end: 2030-12}\n',
  state: { file: 'stargate', pue: '1.1' },
  result: { yearly: [{ year: 2025, facility_power: 7e8 }], claims: [] },
};
const calculatorRun: NewRun = {
  name: 'H100 cluster',
  kind: 'calculator',
  subject: 'cluster',
  spec: '{"accelerator":"h100-sxm","count":1000}',
  state: { calc: 'cluster' },
  result: { outputs: { facility_power: { value: 1.74e6, unit: 'W' } } },
};

/** The schema version and tables of the database file, read without the store. */
function inspect(dir: string) {
  const db = new Database(join(dir, 'runs.sqlite'), { readonly: true });
  try {
    const version = db.pragma('user_version', { simple: true });
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((name) => !name.startsWith('sqlite_'));
    return { version, tables };
  } finally {
    db.close();
  }
}

describe('RunStore', () => {
  let dir: string;
  const open: RunStore[] = [];
  const store = (at = dir) => {
    const s = new RunStore(at);
    open.push(s);
    return s;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gigawatt-runs-'));
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates its data directory and migrates a new database to the current version', () => {
    const nested = join(dir, 'a', 'b');
    store(nested).close();
    expect(inspect(nested)).toEqual({ version: 1, tables: ['runs'] });
  });

  it('migrates a database left at version 0', () => {
    const db = new Database(join(dir, 'runs.sqlite'));
    db.exec('CREATE TABLE unrelated (x INTEGER)');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
    const s = store();
    expect(s.list()).toEqual([]);
    s.close();
    expect(inspect(dir)).toEqual({ version: 1, tables: expect.arrayContaining(['runs', 'unrelated']) });
  });

  it('opens an already migrated database without migrating again, keeping its runs', () => {
    const first = store();
    const saved = first.save(scenarioRun);
    first.close();
    // Creating the table a second time would throw; the saved run would be gone if it were dropped.
    const again = store();
    expect(again.list()).toEqual([saved]);
    again.close();
    expect(inspect(dir).version).toBe(1);
  });

  it('saves a run and gives it back whole, with its state and result parsed', () => {
    const s = store();
    const before = Date.now();
    const saved = s.save(scenarioRun);
    expect(saved).toMatchObject({ name: scenarioRun.name, kind: 'scenario', subject: 'Stargate' });
    expect(Number.isInteger(saved.id)).toBe(true);
    const created = Date.parse(saved.createdAt);
    expect(new Date(created).toISOString()).toBe(saved.createdAt);
    expect(created).toBeGreaterThanOrEqual(before - 1000);
    expect(s.get(saved.id)).toEqual({ ...scenarioRun, id: saved.id, createdAt: saved.createdAt });
  });

  it('lists summaries, newest first, without spec, state or result', () => {
    const s = store();
    const a = s.save(scenarioRun);
    const b = s.save(calculatorRun);
    const list = s.list();
    expect(list).toEqual([b, a]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(['createdAt', 'id', 'kind', 'name', 'subject']);
  });

  it('keeps a run across closing and reopening the database', () => {
    const first = store();
    const saved = first.save(calculatorRun);
    first.close();
    const reopened = store();
    expect(reopened.get(saved.id)).toEqual({ ...calculatorRun, id: saved.id, createdAt: saved.createdAt });
  });

  it('deletes a run once, then reports it missing', () => {
    const s = store();
    const a = s.save(scenarioRun);
    const b = s.save(calculatorRun);
    expect(s.delete(a.id)).toBe(true);
    expect(s.delete(a.id)).toBe(false);
    expect(s.get(a.id)).toBeUndefined();
    expect(s.list()).toEqual([b]);
  });

  it('reports a run that never existed as missing', () => {
    const s = store();
    expect(s.get(42)).toBeUndefined();
    expect(s.delete(42)).toBe(false);
    expect(s.get(-1)).toBeUndefined();
  });

  it('never reuses the id of a deleted run', () => {
    const s = store();
    s.save(scenarioRun);
    const last = s.save(scenarioRun);
    s.delete(last.id);
    expect(s.save(calculatorRun).id).toBeGreaterThan(last.id);
  });

  it('refuses a kind the schema does not know', () => {
    const s = store();
    expect(() => s.save({ ...scenarioRun, kind: 'chart' as NewRun['kind'] })).toThrow(/CHECK constraint/);
    expect(s.list()).toEqual([]);
  });

  it('keeps text exactly, quotes and newlines included', () => {
    const s = store();
    const odd = { ...scenarioRun, name: `it's "quoted"\nand; DROP TABLE runs; --`, spec: 'a: "\\u0000"\n' };
    const saved = s.save(odd);
    expect(s.get(saved.id)).toMatchObject({ name: odd.name, spec: odd.spec });
    expect(s.list()).toHaveLength(1);
  });

  it('opens an existing data directory', () => {
    mkdirSync(join(dir, 'data'));
    expect(store(join(dir, 'data')).list()).toEqual([]);
  });
});
