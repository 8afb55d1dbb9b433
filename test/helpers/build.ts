import { execFileSync } from 'node:child_process';

/**
 * The CLI tests run the compiled JavaScript and its catalog cache, so build once before any
 * test, unless the caller just built (`npm test` builds first and says so).
 */
export default function setup(): void {
  if (process.env.GIGAWATT_BUILT === '1') return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
