import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CALCULATORS } from '../calculators/registry.js';
import type { Catalog } from '../catalog/catalog.js';
import { unknownId } from '../errors.js';
import { readUserFile } from '../io/files.js';
import type { RunStore } from '../store/runs.js';
import { grouped, quote } from '../text.js';
import { calculatorInfo, calculatorList, calculatorView, isMonteCarlo } from './calculator-view.js';
import { type FrontierInfo, frontierInfo } from './frontier-view.js';
import { errorResponse, HttpError, notFound, readJson } from './http.js';
import { calculatorOr404, InlineJobs, type Job, type JobRunner } from './jobs.js';
import {
  type CalculatorRequest,
  calculatorRequestSchema,
  frontierRequestSchema,
  type ScenarioRequest,
  scenarioRequestSchema,
  scenarioSensitivitySchema,
  sensitivityRequestSchema,
} from './requests.js';
import { registerRunRoutes } from './runs-api.js';
import { type SourcesView, sourcesView } from './sources-view.js';
import { staticFile } from './static-files.js';
import type { CalculatorList, ErrorAnswer, ScenarioList, ScenarioSource } from './wire.js';

/** Bounds that keep one request from holding the server. */
export interface Limits {
  bodyBytes: number;
  calculatorSamples: number;
  scenarioSamples: number;
  /** Milliseconds a heavy request (a scenario, a Monte Carlo run) may take, waiting included. */
  timeLimit: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 1024 * 1024,
  calculatorSamples: 200_000,
  scenarioSamples: 20_000,
  timeLimit: 15_000,
};

export interface AppOptions {
  catalog: Catalog;
  store: RunStore;
  /** The built explorer (dist/web). */
  staticDir: string;
  /** Where the shipped scenarios and check files are. */
  scenariosDir: string;
  checksDir: string;
  limits?: Partial<Limits>;
  /** Where heavy work runs: worker threads in a server (job-pool.ts); this thread by default. */
  jobs?: JobRunner;
  /**
   * Listening on loopback only: then requests must name a loopback host, so a web page
   * that rebinds its own domain to 127.0.0.1 cannot read or change saved runs.
   */
  loopbackOnly?: boolean;
}

/** The host name a Host header names, or undefined when it names none a URL could hold. */
function hostName(header: string): string | undefined {
  try {
    return new URL(`http://${header}/`).hostname;
  } catch {
    return undefined;
  }
}

/** localhost, 127.0.0.0/8 and ::1 (URL has already normalized the address). */
const isLoopback = (name: string) =>
  name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);

/** The explorer's HTTP interface: JSON under /api, the built pages everywhere else. */
export function createApp(options: AppOptions): Hono {
  const { catalog, store } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const jobs = options.jobs ?? new InlineJobs(catalog);
  const app = new Hono();
  app.onError(errorResponse);
  app.notFound((c) => c.json({ error: `nothing at ${c.req.path}` } satisfies ErrorAnswer, 404));
  app.use('*', async (c, next) => {
    const host = c.req.header('host');
    const name = host === undefined ? undefined : hostName(host);
    if (host !== undefined && name === undefined)
      throw new HttpError(400, `the Host header ${quote(host, "'")} names no host`);
    if (options.loopbackOnly && name !== undefined && !isLoopback(name))
      throw new HttpError(
        403,
        `this explorer answers on its loopback address only, not ${quote(host ?? '', "'")}`,
      );
    await next();
  });
  // Writes must say they send JSON: a cross-site form or a plain-text fetch cannot, without
  // a CORS preflight this server never grants.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' && !/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
      throw new HttpError(415, 'request body: send JSON with Content-Type: application/json');
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: () => {
        throw new HttpError(413, `request body is over the limit of ${limits.bodyBytes / 1024 / 1024} MB`);
      },
    }),
  );

  const samples = (given: number | undefined, fallback: number, cap: number) => {
    const n = given ?? fallback;
    if (n > cap)
      throw new HttpError(422, `samples: at most ${grouped(cap)} per request here, got ${grouped(n)}`);
    return n;
  };
  const deadline = () => Date.now() + limits.timeLimit;

  const scenarioIds = () =>
    readdirSync(options.scenariosDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
  // Read on each request rather than cached, so an edited scenario file shows without a restart.
  const scenarioText = (id: string, ids = scenarioIds()) => {
    if (!ids.includes(id)) throw notFound(unknownId('scenario', id, ids));
    const file = `scenarios/${id}.yaml`;
    return { file, text: readUserFile(join(options.scenariosDir, `${id}.yaml`)) };
  };
  /** A scenario run, as a job: parsing, the timeline and its charts all happen off the event loop. */
  /** The scenario a request names: a shipped one by id, or the text written in the page. */
  const sourceOf = (request: { scenario?: string | undefined; yaml?: string | undefined }) =>
    request.scenario ? scenarioText(request.scenario) : { file: 'your scenario', text: request.yaml ?? '' };
  const runScenario = (request: ScenarioRequest): Promise<string> => {
    const source = sourceOf(request);
    const until = deadline();
    const job: Job = {
      kind: 'scenario',
      request: {
        ...source,
        overrides: request.overrides,
        samples: samples(request.samples, 1000, limits.scenarioSamples),
        seed: request.seed,
        deadline: until,
      },
    };
    return jobs.run(job, until);
  };
  /**
   * A calculator run: a plain one here (microseconds, so it never waits behind heavy
   * work), a Monte Carlo one as a job.
   */
  const runCalculator = async (name: string, request: CalculatorRequest): Promise<string> => {
    const calc = calculatorOr404(name);
    const n = samples(request.samples, 10_000, limits.calculatorSamples);
    if (!isMonteCarlo(calc, request.inputs, catalog))
      return JSON.stringify(
        await calculatorView(
          calc,
          { inputs: request.inputs, samples: n, seed: request.seed, workers: 1, deadline: 0 },
          catalog,
        ),
      );
    const until = deadline();
    const job: Job = {
      kind: 'calculator',
      name,
      request: { inputs: request.inputs, samples: n, seed: request.seed, deadline: until },
    };
    return jobs.run(job, until);
  };
  const json = (c: Context, text: string) => c.body(text, 200, { 'Content-Type': 'application/json' });

  app.get('/api/calculators', (c) =>
    c.json({ calculators: calculatorList(catalog) } satisfies CalculatorList),
  );
  app.get('/api/calculators/:name', (c) =>
    c.json(calculatorInfo(calculatorOr404(c.req.param('name')), catalog)),
  );
  app.post('/api/calculators/:name', async (c) => {
    const name = c.req.param('name');
    const request = await readJson(c, calculatorRequestSchema);
    return json(c, await runCalculator(name, request));
  });

  app.post('/api/calculators/:name/sensitivity', async (c) => {
    const name = c.req.param('name');
    calculatorOr404(name);
    const request = await readJson(c, sensitivityRequestSchema);
    const until = deadline();
    const job: Job = {
      kind: 'sensitivity',
      name,
      request: {
        inputs: request.inputs,
        output: request.output,
        samples: samples(request.samples, 10_000, limits.calculatorSamples),
        seed: request.seed,
        deadline: until,
      },
    };
    return json(c, await jobs.run(job, until));
  });

  app.get('/api/scenarios', (c) =>
    c.json({
      scenarios: scenarioIds().map((id, _, ids) => {
        const { text } = scenarioText(id, ids);
        const name = /^name:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? id;
        return { id, name };
      }),
    } satisfies ScenarioList),
  );
  app.get('/api/scenarios/:id', (c) =>
    c.json({ id: c.req.param('id'), ...scenarioText(c.req.param('id')) } satisfies ScenarioSource),
  );
  app.post('/api/scenarios/sensitivity', async (c) => {
    const request = await readJson(c, scenarioSensitivitySchema);
    const source = sourceOf(request);
    const until = deadline();
    const job: Job = {
      kind: 'scenario-sensitivity',
      request: { ...source, overrides: request.overrides, output: request.output, year: request.year },
    };
    return json(c, await jobs.run(job, until));
  });

  // The scenario as the page has it, as an Excel workbook.
  app.post('/api/scenarios/xlsx', async (c) => {
    const request = await readJson(c, scenarioRequestSchema);
    const source = sourceOf(request);
    const until = deadline();
    const answer = JSON.parse(
      await jobs.run({ kind: 'workbook', request: { ...source, overrides: request.overrides } }, until),
    ) as { name: string; base64: string };
    const name = answer.name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
    return c.body(new Uint8Array(Buffer.from(answer.base64, 'base64')), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}.xlsx"`,
    });
  });
  app.post('/api/scenarios/run', async (c) =>
    json(c, await runScenario(await readJson(c, scenarioRequestSchema))),
  );

  // The frontier page's inputs depend on the catalog alone: worked out once.
  let frontier: FrontierInfo | undefined;
  const frontierFields = () => {
    frontier ??= frontierInfo(catalog);
    return frontier;
  };
  app.get('/api/frontier', (c) => c.json(frontierFields()));
  app.post('/api/frontier', async (c) => {
    const request = await readJson(c, frontierRequestSchema);
    const { first, last } = frontierFields();
    const until = deadline();
    const job: Job = {
      kind: 'frontier',
      request: {
        inputs: request.inputs,
        from: request.from ?? first,
        to: request.to ?? last,
        samples: samples(request.samples, 2000, limits.calculatorSamples / 20),
        seed: request.seed,
        deadline: until,
      },
    };
    return json(c, await jobs.run(job, until));
  });

  // The catalog as the page runs the model on it (a plain scenario edit repaints without a round trip).
  let parts: string | undefined;
  app.get('/api/catalog', (c) => {
    parts ??= JSON.stringify(catalog.parts());
    return json(c, parts);
  });

  // The catalog does not change while the server runs: its sources are listed once.
  let sources: SourcesView | undefined;
  app.get('/api/sources', (c) => {
    sources ??= sourcesView(catalog);
    return c.json(sources);
  });

  // The check files ship with the package and do not change while it runs: evaluated once.
  let claims: Promise<string> | undefined;
  app.get('/api/claims', async (c) => {
    claims ??= jobs.run({ kind: 'claims', checksDir: options.checksDir }, deadline()).catch((error) => {
      claims = undefined;
      throw error;
    });
    return json(c, await claims);
  });

  registerRunRoutes(app, store, {
    scenario: async (r) => JSON.parse(await runScenario(r)),
    calculator: async (r) => JSON.parse(await runCalculator(r.calculator, r)),
    compare: async (runs) => JSON.parse(await jobs.run({ kind: 'compare', runs }, deadline())),
  });

  app.all('/api/*', (c) =>
    c.json({ error: `no API route ${c.req.method} ${c.req.path}` } satisfies ErrorAnswer, 404),
  );

  /** Does a page path name something that exists? Only scenario and calculator pages can name nothing. */
  const pageExists = (path: string) => {
    const scenario = /^\/scenario\/([^/]+)$/.exec(path)?.[1];
    if (scenario !== undefined) return scenario === 'custom' || scenarioIds().includes(scenario);
    const calc = /^\/calc\/([^/]+)$/.exec(path)?.[1];
    if (calc !== undefined) return CALCULATORS.some((c) => c.name === calc);
    return true;
  };

  // Pages: a built file when the path names one, else the explorer's shell for its routes.
  app.get('*', async (c) => {
    const file = await staticFile(options.staticDir, c.req.path);
    if (file) return c.body(new Uint8Array(file.body), 200, { 'Content-Type': file.type });
    const isPage = !/\.[a-z0-9]+$/i.test(c.req.path) && !c.req.path.includes('..');
    const shell = isPage ? await staticFile(options.staticDir, '/index.html') : undefined;
    // The shell draws the page either way; a scenario or calculator that does not exist is a 404.
    if (shell)
      return c.body(new Uint8Array(shell.body), pageExists(c.req.path) ? 200 : 404, {
        'Content-Type': shell.type,
      });
    return c.json({ error: `nothing at ${c.req.path}` } satisfies ErrorAnswer, 404);
  });
  return app;
}
