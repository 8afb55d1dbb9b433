import { defineConfig } from 'vitest/config';

const report = process.env.GIGAWATT_TEST_REPORT;

export default defineConfig({
  test: {
    // CI asks for a JSON report to print its closing "N passed, N failed" line.
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
    include: ['test/**/*.test.ts'],
    // Build once, then find (or install) the Chromium the explorer's browser tests drive.
    globalSetup: ['test/helpers/build.ts', 'test/helpers/browser.ts'],
    testTimeout: 20_000,
    // A console.* left in a test is noise in CI logs; tests capture output through CliIo instead.
    onConsoleLog: () => false,
  },
});
