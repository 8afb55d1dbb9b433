/** The explorer under load (server-load.ts), printed: the figures the suite's load test asserts rules on. */
import { describeLoad, measureServerLoad } from './server-load.js';

const report = await measureServerLoad({ heavy: 20, rounds: 3, timeLimit: 3, settle: 6000 });
console.log('\nThe explorer under load (loopback, a `gigawatt serve` process)\n');
console.log(describeLoad(report));
