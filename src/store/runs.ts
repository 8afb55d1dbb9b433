import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** What a saved run is a run of. */
export type RunKind = 'scenario' | 'calculator';

export interface SavedRunSummary {
  id: number;
  name: string;
  kind: RunKind;
  /** The scenario's name or the calculator's id. */
  subject: string;
  createdAt: string;
}

export interface SavedRun extends SavedRunSummary {
  /** The scenario as YAML (edits applied), or the calculator inputs as JSON. */
  spec: string;
  /** The explorer state (URL query) that reproduces the view. */
  state: Record<string, string>;
  /** The run's result as the API returned it. */
  result: unknown;
}

export type NewRun = Omit<SavedRun, 'id' | 'createdAt'>;

/** Each migration moves the schema one version up; PRAGMA user_version records where it is. */
const MIGRATIONS = [
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('scenario', 'calculator')),
     subject TEXT NOT NULL,
     created_at TEXT NOT NULL,
     spec TEXT NOT NULL,
     state TEXT NOT NULL,
     result TEXT NOT NULL
   )`,
];

interface Row {
  id: number;
  name: string;
  kind: RunKind;
  subject: string;
  created_at: string;
  spec: string;
  state: string;
  result: string;
}

/** Saved runs in an embedded SQLite database (`runs.sqlite` in the data directory). */
export class RunStore {
  private readonly db: Database.Database;
  /** Prepared once, after the schema is up to date. */
  private readonly statements: Record<'list' | 'get' | 'insert' | 'delete', Database.Statement>;

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'runs.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.migrate();
    this.statements = {
      list: this.db.prepare('SELECT id, name, kind, subject, created_at FROM runs ORDER BY id DESC'),
      get: this.db.prepare('SELECT * FROM runs WHERE id = ?'),
      insert: this.db.prepare(
        'INSERT INTO runs (name, kind, subject, created_at, spec, state, result) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      delete: this.db.prepare('DELETE FROM runs WHERE id = ?'),
    };
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    const pending = MIGRATIONS.slice(version);
    if (pending.length === 0) return;
    this.db.transaction(() => {
      for (const sql of pending) this.db.exec(sql);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    })();
  }

  list(): SavedRunSummary[] {
    const rows = this.statements.list.all() as Row[];
    return rows.map(summaryOf);
  }

  get(id: number): SavedRun | undefined {
    const row = this.statements.get.get(id) as Row | undefined;
    if (!row) return undefined;
    return {
      ...summaryOf(row),
      spec: row.spec,
      state: JSON.parse(row.state) as Record<string, string>,
      result: JSON.parse(row.result) as unknown,
    };
  }

  save(run: NewRun): SavedRunSummary {
    const createdAt = new Date().toISOString();
    const info = this.statements.insert.run(
      run.name,
      run.kind,
      run.subject,
      createdAt,
      run.spec,
      JSON.stringify(run.state),
      JSON.stringify(run.result),
    );
    return {
      id: Number(info.lastInsertRowid),
      name: run.name,
      kind: run.kind,
      subject: run.subject,
      createdAt,
    };
  }

  /** True when a run was deleted. */
  delete(id: number): boolean {
    return this.statements.delete.run(id).changes > 0;
  }

  close(): void {
    this.db.close();
  }
}

function summaryOf(row: Row): SavedRunSummary {
  return { id: row.id, name: row.name, kind: row.kind, subject: row.subject, createdAt: row.created_at };
}
