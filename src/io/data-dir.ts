import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where saved runs live: --data-dir, else GIGAWATT_DATA_DIR, else the platform's data
 * directory (XDG on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
export function dataDirectory(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.GIGAWATT_DATA_DIR) return env.GIGAWATT_DATA_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'gigawatt');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'gigawatt');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'gigawatt');
}
