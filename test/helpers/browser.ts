import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

/**
 * The Chromium the explorer's browser tests drive. playwright-core brings no browser of its
 * own, so before any test this globalSetup finds one (or installs one the way this machine
 * allows) and hands its path to test/e2e through `provide('chromium', …)`.
 *
 * The search (`findBrowser`) is pure over a `BrowserLookup`, so its order is unit-tested with
 * a fake environment and file system; the installers and the setup around them do the IO.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string;
  }
}

/** Everything the search reads from the machine, so a test can hand it a fake one. */
export interface BrowserLookup {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homeDir: string;
  isExecutable(path: string): boolean;
  /** A directory's entries, or [] when it does not exist. */
  listDir(path: string): string[];
  /** Where this playwright-core's own Chromium would be (it need not exist). */
  playwrightChromium(): string | undefined;
}

export interface FoundBrowser {
  path: string;
  /** How it was found, for the one line the setup prints. */
  how: string;
}

/** A reason to stop the test run, worded as the one sentence the user reads. */
export class BrowserSetupError extends Error {
  override name = 'BrowserSetupError';
}

/** The names a system Chromium or Chrome goes by on PATH, in the order they are tried. */
export const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/**
 * Where Playwright keeps downloaded browsers, and where each build keeps its executable, old
 * layouts (chrome-linux/) beside current ones (chrome-linux64/), so a build another
 * Playwright version installed counts too.
 */
const PLAYWRIGHT_BUILDS: readonly { prefix: string; executables: readonly string[] }[] = [
  {
    prefix: 'chromium-',
    executables: [
      'chrome-linux64/chrome',
      'chrome-linux-arm64/chrome',
      'chrome-linux/chrome',
      'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    ],
  },
  {
    prefix: 'chromium_headless_shell-',
    executables: [
      'chrome-headless-shell-linux64/chrome-headless-shell',
      'chrome-headless-shell-linux-arm64/chrome-headless-shell',
      'chrome-linux/headless_shell',
      'chrome-headless-shell-mac-arm64/chrome-headless-shell',
      'chrome-headless-shell-mac-x64/chrome-headless-shell',
    ],
  },
];

/**
 * Find a browser: GIGAWATT_CHROMIUM, then a system one on PATH, then Playwright's cache.
 * Returns undefined when there is none; throws BrowserSetupError when GIGAWATT_CHROMIUM names
 * something that is not there, since quietly using another browser would hide the mistake.
 */
export function findBrowser(look: BrowserLookup): FoundBrowser | undefined {
  return fromOverride(look) ?? onPath(look) ?? inPlaywrightCache(look);
}

function fromOverride(look: BrowserLookup): FoundBrowser | undefined {
  const wanted = look.env.GIGAWATT_CHROMIUM;
  if (!wanted) return undefined;
  // A bare name ("chromium") is looked up on PATH the way a shell would.
  const path = wanted.includes('/') ? wanted : whichOnPath(look, wanted);
  if (path && look.isExecutable(path)) return { path, how: 'from GIGAWATT_CHROMIUM' };
  throw new BrowserSetupError(
    `GIGAWATT_CHROMIUM is set to ${wanted}, which is not an executable file; point it at a Chromium binary or unset it.`,
  );
}

function onPath(look: BrowserLookup): FoundBrowser | undefined {
  for (const name of PATH_NAMES) {
    const path = whichOnPath(look, name);
    if (path) return { path, how: `found on PATH as ${name}` };
  }
  return undefined;
}

function whichOnPath(look: BrowserLookup, name: string): string | undefined {
  for (const dir of (look.env.PATH ?? '').split(delimiter)) {
    if (!isAbsolute(dir)) continue; // an empty or relative PATH entry would depend on the cwd
    const path = join(dir, name);
    if (look.isExecutable(path)) return path;
  }
  return undefined;
}

function inPlaywrightCache(look: BrowserLookup): FoundBrowser | undefined {
  // This playwright-core's own revision first: it is the build its protocol was made for.
  const own = safely(() => look.playwrightChromium());
  if (own && look.isExecutable(own)) return { path: own, how: "found in Playwright's cache" };
  const cache = playwrightCacheDir(look);
  if (!cache) return undefined;
  for (const { prefix, executables } of PLAYWRIGHT_BUILDS) {
    for (const build of newestFirst(look.listDir(cache).filter((name) => name.startsWith(prefix)))) {
      for (const executable of executables) {
        const path = join(cache, build, executable);
        if (look.isExecutable(path)) return { path, how: `found in Playwright's cache (${build})` };
      }
    }
  }
  return undefined;
}

/** The directory Playwright downloads into, by its own rules (PLAYWRIGHT_BROWSERS_PATH first). */
export function playwrightCacheDir(look: BrowserLookup): string | undefined {
  const configured = look.env.PLAYWRIGHT_BROWSERS_PATH;
  // "0" means "inside node_modules/playwright-core", which playwrightChromium() already covers.
  if (configured && configured !== '0') return resolve(configured);
  if (look.platform === 'linux')
    return join(look.env.XDG_CACHE_HOME || join(look.homeDir, '.cache'), 'ms-playwright');
  if (look.platform === 'darwin') return join(look.homeDir, 'Library', 'Caches', 'ms-playwright');
  if (look.platform === 'win32' && look.env.LOCALAPPDATA) return join(look.env.LOCALAPPDATA, 'ms-playwright');
  return undefined;
}

/** chromium-1100 before chromium-999: the revision number, not the string, decides. */
function newestFirst(builds: string[]): string[] {
  const revision = (build: string) => Number(build.slice(build.lastIndexOf('-') + 1)) || 0;
  return [...builds].sort((a, b) => revision(b) - revision(a));
}

function safely<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

/** What this machine allows for getting a browser when none is found. */
export interface InstallOptions {
  /** Playwright's download host answered (or a proxy will be asked). */
  downloadReachable: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

export type InstallerName = 'playwright' | 'apt-get';

/** The installers worth trying here, in order: Playwright's own download, then Debian's package. */
export function installersFor(machine: InstallOptions): InstallerName[] {
  const installers: InstallerName[] = [];
  if (machine.downloadReachable) installers.push('playwright');
  // apt-get needs root; asking for a sudo password in the middle of a test run would hang CI.
  if (machine.isRoot && machine.hasAptGet) installers.push('apt-get');
  return installers;
}

/** The one sentence to stop with when no browser is found and none could be installed. */
export function noBrowserSentence(machine: InstallOptions, failures: readonly string[]): string {
  const why = [
    ...failures,
    ...(machine.downloadReachable ? [] : ["Playwright's download host is unreachable"]),
    ...(machine.hasAptGet && !machine.isRoot ? ['apt-get needs root'] : []),
  ];
  const apt = machine.hasAptGet ? ' or `sudo apt-get install chromium`' : '';
  return (
    `no Chromium found for the explorer's browser tests${why.length ? ` and none could be installed here (${why.join('; ')})` : ''}; ` +
    `install one with \`npx playwright-core install chromium\`${apt}, or set GIGAWATT_CHROMIUM to its path.`
  );
}

// ---- The machine itself ----

export function systemLookup(): BrowserLookup {
  return {
    env: process.env,
    platform: process.platform,
    homeDir: homedir(),
    isExecutable,
    listDir: (path) => safely(() => readdirSync(path)) ?? [],
    playwrightChromium: () => chromium.executablePath(),
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Where this playwright-core downloads Chromium (Chrome for Testing builds) from. */
const PLAYWRIGHT_CDN = 'https://cdn.playwright.dev';

/**
 * Whether Playwright's download host answers a TCP connection within a few seconds. A
 * machine without internet either fails DNS at once or drops packets; the timeout keeps the
 * second kind from hanging the test run. Behind a proxy the host is not reached directly, so
 * the installer (with its own timeout) is left to find out.
 */
export function downloadHostReachable(env = process.env, timeoutMs = 3_000): Promise<boolean> {
  if (env.HTTPS_PROXY || env.https_proxy || env.ALL_PROXY || env.all_proxy) return Promise.resolve(true);
  const host = safely(
    () => new URL(env.PLAYWRIGHT_CHROMIUM_DOWNLOAD_HOST || env.PLAYWRIGHT_DOWNLOAD_HOST || PLAYWRIGHT_CDN),
  );
  // A download host Playwright itself could not parse would fail its installer too.
  if (!host) return Promise.resolve(false);
  const port = Number(host.port) || (host.protocol === 'http:' ? 80 : 443);
  return new Promise((done) => {
    const socket = connect({ host: host.hostname, port, timeout: timeoutMs });
    const finish = (reachable: boolean) => {
      socket.destroy();
      done(reachable);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
}

interface Ran {
  ok: boolean;
  /** What it printed (when captured), then why it failed. */
  output: string;
}

/**
 * Run a command, stopping it (and anything it started) after `timeoutMs`. Its own process
 * group lets the timeout reach Playwright's download worker too.
 */
function run(
  command: string,
  args: string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; showOutput?: boolean },
): Promise<Ran> {
  return new Promise((done) => {
    const output = options.showOutput ? 'inherit' : 'pipe';
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', output, output],
      detached: true,
    });
    let printed = '';
    const keep = (chunk: Buffer) => {
      printed += chunk.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      done({ ok: false, output: `${printed}\n${error.message}` });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && !timedOut) return done({ ok: true, output: printed });
      const why = timedOut ? `timed out after ${options.timeoutMs / 1000} s` : `exited with ${code}`;
      done({ ok: false, output: `${printed}\n${command} ${why}` });
    });
  });
}

/** The last lines of a failed command's output: enough to see why, not a screenful. */
function tail(output: string, lines = 5): string {
  return output.trim().split('\n').slice(-lines).join('\n');
}

const PLAYWRIGHT_CLI = join(
  dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')),
  'cli.js',
);

/** Playwright's installer; returns why it failed, or undefined when it worked. */
async function installWithPlaywright(): Promise<string | undefined> {
  log('no Chromium found; downloading one with `playwright-core install chromium`');
  // Its progress bar is worth seeing: the download is ~170 MB.
  const ran = await run(process.execPath, [PLAYWRIGHT_CLI, 'install', 'chromium'], {
    timeoutMs: 10 * 60_000,
    showOutput: true,
  });
  return ran.ok ? undefined : "Playwright's download failed";
}

/** Debian's chromium package; returns why it failed, or undefined when it worked. */
async function installWithApt(): Promise<string | undefined> {
  log("no Chromium found; installing Debian's package with `apt-get install chromium` (a minute or two)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const ran = await run('apt-get', args, { timeoutMs: 15 * 60_000, env });
    if (!ran.ok) {
      process.stderr.write(`${tail(ran.output)}\n`);
      return `\`apt-get ${args.join(' ')}\` failed`;
    }
  }
  return undefined;
}

const INSTALLERS: Record<InstallerName, () => Promise<string | undefined>> = {
  playwright: installWithPlaywright,
  'apt-get': installWithApt,
};

function log(line: string): void {
  process.stdout.write(`browser tests: ${line}\n`);
}

/** Find a browser, or install one and look again; throws BrowserSetupError when neither works. */
export async function ensureBrowser(look: BrowserLookup = systemLookup()): Promise<FoundBrowser> {
  const found = findBrowser(look);
  if (found) return found;
  const machine: InstallOptions = {
    downloadReachable: await downloadHostReachable(look.env),
    isRoot: process.getuid?.() === 0,
    hasAptGet: whichOnPath(look, 'apt-get') !== undefined,
  };
  const failures: string[] = [];
  for (const installer of installersFor(machine)) {
    const started = Date.now();
    const failure = await INSTALLERS[installer]();
    // Look again even when the installer failed: Playwright's exits non-zero when an extra
    // (ffmpeg, the headless shell) fails after Chromium itself arrived.
    const installed = findBrowser(look);
    if (installed) {
      const seconds = Math.round((Date.now() - started) / 1000);
      return { path: installed.path, how: `installed with ${installer} in ${seconds} s` };
    }
    failures.push(failure ?? `${installer} finished but no Chromium turned up`);
  }
  throw new BrowserSetupError(noBrowserSentence(machine, failures));
}

/**
 * Whether this run includes the browser tests: `vitest run test/model` should neither install
 * Chromium nor stop for want of one. vitest keeps the command line's file filters in
 * `filenamePattern`, which it does not type as public; without it, assume the tests run.
 */
async function runsBrowserTests(project: TestProject): Promise<boolean> {
  const filters = (project.vitest as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.some((file) => file.includes('/test/e2e/'));
}

/** vitest globalSetup: provide the browser's path to test/e2e, or stop with one sentence. */
export default async function setup(project: TestProject): Promise<void> {
  if (!(await runsBrowserTests(project))) return;
  try {
    const browser = await ensureBrowser();
    log(`${browser.path} (${browser.how})`);
    project.provide('chromium', browser.path);
  } catch (error) {
    if (!(error instanceof BrowserSetupError)) throw error;
    // One sentence, not a stack trace: the stack would only point at this file.
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
}
