import { describe, expect, it } from 'vitest';
import {
  type BrowserLookup,
  BrowserSetupError,
  findBrowser,
  installersFor,
  noBrowserSentence,
  playwrightCacheDir,
} from './browser.js';

/**
 * A machine made of a list of executable files: directories are whatever those paths imply,
 * so a test names only the files that exist and the search has to find its way to them.
 */
function machine(
  executables: string[],
  env: Record<string, string> = {},
  playwright?: string,
): BrowserLookup {
  const files = new Set(executables);
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...env },
    platform: 'linux',
    homeDir: '/home/you',
    isExecutable: (path) => files.has(path),
    listDir: (dir) => {
      const prefix = `${dir}/`;
      const names = executables
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length).split('/')[0]);
      return [...new Set(names as string[])];
    },
    playwrightChromium: () =>
      playwright ?? '/home/you/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
  };
}

const OWN_BUILD = '/home/you/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

describe('findBrowser', () => {
  it('takes GIGAWATT_CHROMIUM over everything else', () => {
    const look = machine(['/opt/mine/chrome', '/usr/bin/chromium', OWN_BUILD], {
      GIGAWATT_CHROMIUM: '/opt/mine/chrome',
    });
    expect(findBrowser(look)).toEqual({ path: '/opt/mine/chrome', how: 'from GIGAWATT_CHROMIUM' });
  });

  it('looks a bare GIGAWATT_CHROMIUM name up on PATH', () => {
    const look = machine(['/usr/bin/google-chrome', '/usr/bin/chromium'], {
      GIGAWATT_CHROMIUM: 'google-chrome',
    });
    expect(findBrowser(look)?.path).toBe('/usr/bin/google-chrome');
  });

  it('stops with one sentence when GIGAWATT_CHROMIUM names nothing, rather than using another browser', () => {
    const look = machine(['/usr/bin/chromium'], { GIGAWATT_CHROMIUM: '/nonexistent' });
    expect(() => findBrowser(look)).toThrow(BrowserSetupError);
    expect(() => findBrowser(look)).toThrow(
      'GIGAWATT_CHROMIUM is set to /nonexistent, which is not an executable file; point it at a Chromium binary or unset it.',
    );
  });

  it('ignores an empty GIGAWATT_CHROMIUM', () => {
    const look = machine(['/usr/bin/chromium'], { GIGAWATT_CHROMIUM: '' });
    expect(findBrowser(look)).toEqual({ path: '/usr/bin/chromium', how: 'found on PATH as chromium' });
  });

  it('prefers a browser on PATH to Playwright’s cache, by name order before PATH order', () => {
    const look = machine(['/usr/local/bin/google-chrome', '/usr/bin/chromium-browser', OWN_BUILD]);
    expect(findBrowser(look)).toEqual({
      path: '/usr/bin/chromium-browser',
      how: 'found on PATH as chromium-browser',
    });
  });

  it('takes the first PATH directory holding a name, and skips relative PATH entries', () => {
    const look = machine(['/usr/local/bin/chromium', '/usr/bin/chromium', 'bin/chromium'], {
      PATH: 'bin::/usr/local/bin:/usr/bin',
    });
    expect(findBrowser(look)?.path).toBe('/usr/local/bin/chromium');
  });

  it('falls back to google-chrome-stable, the last name tried', () => {
    expect(findBrowser(machine(['/usr/bin/google-chrome-stable']))?.path).toBe(
      '/usr/bin/google-chrome-stable',
    );
  });

  it('then takes this playwright-core’s own build when it has been downloaded', () => {
    const look = machine([OWN_BUILD, '/home/you/.cache/ms-playwright/chromium-1300/chrome-linux64/chrome']);
    expect(findBrowser(look)).toEqual({ path: OWN_BUILD, how: "found in Playwright's cache" });
  });

  it('then takes the newest other full Chromium in the cache, by revision number', () => {
    const cache = '/home/you/.cache/ms-playwright';
    const look = machine([
      `${cache}/chromium-999/chrome-linux/chrome`,
      `${cache}/chromium-1100/chrome-linux/chrome`,
      `${cache}/chromium-1200/chrome-linux64/chrome`,
      `${cache}/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell`,
      `${cache}/firefox-1500/firefox/firefox`,
    ]);
    expect(findBrowser(look)).toEqual({
      path: `${cache}/chromium-1200/chrome-linux64/chrome`,
      how: "found in Playwright's cache (chromium-1200)",
    });
  });

  it('takes a headless shell when that is all the cache holds', () => {
    const shell = '/home/you/.cache/ms-playwright/chromium_headless_shell-1200/chrome-linux/headless_shell';
    expect(findBrowser(machine([shell]))?.path).toBe(shell);
  });

  it('searches PLAYWRIGHT_BROWSERS_PATH instead of the default cache when it is set', () => {
    const look = machine(
      [
        '/srv/browsers/chromium-1200/chrome-linux64/chrome',
        '/home/you/.cache/ms-playwright/chromium-1300/chrome-linux64/chrome',
      ],
      { PLAYWRIGHT_BROWSERS_PATH: '/srv/browsers' },
      '/srv/browsers/chromium-1255/chrome-linux64/chrome',
    );
    expect(findBrowser(look)?.path).toBe('/srv/browsers/chromium-1200/chrome-linux64/chrome');
  });

  it('finds nothing on a machine with no browser, even with other Playwright browsers about', () => {
    expect(
      findBrowser(machine(['/home/you/.cache/ms-playwright/firefox-1500/firefox/firefox'])),
    ).toBeUndefined();
  });

  it('survives a playwright-core that cannot say where its browser would be', () => {
    const look = {
      ...machine(['/usr/bin/node']),
      playwrightChromium: () => {
        throw new Error('unsupported platform');
      },
    };
    expect(findBrowser(look)).toBeUndefined();
  });
});

describe('playwrightCacheDir', () => {
  it('follows XDG_CACHE_HOME on Linux and the Caches folder on macOS', () => {
    expect(playwrightCacheDir(machine([], { XDG_CACHE_HOME: '/var/cache/you' }))).toBe(
      '/var/cache/you/ms-playwright',
    );
    expect(playwrightCacheDir({ ...machine([]), platform: 'darwin' })).toBe(
      '/home/you/Library/Caches/ms-playwright',
    );
  });
});

describe('getting a browser when none is found', () => {
  it('tries Playwright’s download before apt-get, and each only where it can work', () => {
    expect(installersFor({ downloadReachable: true, isRoot: true, hasAptGet: true })).toEqual([
      'playwright',
      'apt-get',
    ]);
    expect(installersFor({ downloadReachable: false, isRoot: true, hasAptGet: true })).toEqual(['apt-get']);
    expect(installersFor({ downloadReachable: true, isRoot: false, hasAptGet: true })).toEqual([
      'playwright',
    ]);
    expect(installersFor({ downloadReachable: false, isRoot: false, hasAptGet: true })).toEqual([]);
    expect(installersFor({ downloadReachable: false, isRoot: true, hasAptGet: false })).toEqual([]);
  });

  it('says in one sentence why nothing could be installed and which command to run', () => {
    expect(noBrowserSentence({ downloadReachable: false, isRoot: false, hasAptGet: true }, [])).toBe(
      "no Chromium found for the explorer's browser tests and none could be installed here " +
        "(Playwright's download host is unreachable; apt-get needs root); install one with " +
        '`npx playwright-core install chromium` or `sudo apt-get install chromium`, or set GIGAWATT_CHROMIUM to its path.',
    );
  });

  it('names the installers that failed, and leaves apt-get out where there is none', () => {
    const sentence = noBrowserSentence({ downloadReachable: true, isRoot: false, hasAptGet: false }, [
      "Playwright's download failed",
    ]);
    expect(sentence).toContain("(Playwright's download failed)");
    expect(sentence).not.toContain('apt-get');
    expect(sentence).toContain('`npx playwright-core install chromium`');
    // One sentence: a single full stop, at the end.
    expect(sentence.match(/\.(\s|$)/g)).toEqual(['.']);
  });
});
