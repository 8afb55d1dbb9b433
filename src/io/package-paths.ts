import { fileURLToPath } from 'node:url';

/** The installed package's root (dist/io/ is two levels down), where scenarios/ and checks/ ship. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
