import { execFileSync } from 'node:child_process';

/** The CLI tests run the compiled JavaScript and its catalog cache, so build once before any test. */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
