import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('gigawatt calc', () => {
  it('prints a report with outputs and where every input came from', async () => {
    const r = await cli('calc', 'cluster', '--accelerator', 'h100', '--count', '100k');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Peak compute\s+98\.9 EFLOP\/s/);
    expect(r.stdout).toMatch(/pue\s+1\.2\s+default: assumption pue/);
    expect(r.stdout).toMatch(/price\s+\$33\.8k\s+catalog: h100-sxm \(estimate\)/);
  });

  it('prints {calculator, inputs, outputs} with SI values under --json', async () => {
    const r = await cli('calc', 'cluster', '--count', '1000', '--facility-capex', '$10M/MW', '--json');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['calculator', 'inputs', 'outputs', 'notes']);
    expect(json.outputs.it_power).toMatchObject({ unit: 'W' });
    expect(json.inputs.facility_capex).toMatchObject({ value: 10, unit: 'USD/W', origin: 'given' });
    expect(json.inputs.pue).toMatchObject({ origin: 'default', via: 'assumption pue' });
    expect(json.inputs.pue.source.length).toBeGreaterThan(10);
  });

  it('solves training from a duration', async () => {
    const r = await cli('calc', 'training', '--compute', '2e25', '--duration', '95 days', '--json');
    const json = JSON.parse(r.stdout);
    expect(json.outputs.count.value).toBeGreaterThan(6000);
    expect(json.inputs.count.origin).toBe('solved');
  });

  it.each([
    [
      ['calc', 'cluster', '--accelerator', 'h1000', '--count', '100'],
      "--accelerator: unknown accelerator 'h1000'; did you mean 'h100-sxm'?",
    ],
    [
      ['calc', 'cluster', '--facility-power', '13O MW'],
      '--facility-power: expected a power like "1 GW", got "13O MW"',
    ],
    [['calc', 'cluster', '--facility-power', '-5 GW'], '--facility-power: must be positive, got "-5 GW"'],
    [
      ['calc', 'cluster', '--count', '1e999'],
      '--count: "1e999" is out of range: gigawatt takes a count up to 1e15',
    ],
    [['calc', 'cluster', '--count', '0 GPUs'], '--count: must be at least 1, got "0 GPUs"'],
    [['calc', 'cluster'], '--count is missing: give one of --count, --facility-power, --budget'],
    [
      ['calc', 'cluster', '--count', '10', '--budget', '$5B'],
      '--count and --budget conflict: give only one of --count, --facility-power, --budget',
    ],
    [['calc', 'cluster', '--count', '10', '--pue', '0.9'], '--pue: must be at least 1, got "0.9"'],
    [
      ['calc', 'cluster', '--count', '10', '--acellerator', 'h100'],
      "unknown option '--acellerator'; did you mean --accelerator?",
    ],
    [['calc', 'cluster', '--count', '10', '--pue'], "option '--pue <value>' argument missing"],
    [['calc', 'clustr'], "unknown command 'clustr'; did you mean cluster?"],
    [
      ['calc', 'training', '--model', 'llama-3.1-450b'],
      "--model: unknown model 'llama-3.1-450b'; did you mean 'llama-3.1-405b'?",
    ],
    [
      ['calc', 'training', '--compute', '2e25', '--model', 'gpt-3'],
      '--compute and --model conflict: give only one of --compute, --model',
    ],
    [
      ['calc', 'training', '--compute', '2e25', '--count', '10', '--mfu', '140%'],
      '--mfu: cannot exceed 100%, got "140%"',
    ],
    [
      ['calc', 'training', '--compute', 'lots'],
      '--compute: expected an amount of compute like "2e25 FLOP", got "lots"',
    ],
    [
      ['calc', 'cluster', '--count', '10', '--electricity-price', '0.08'],
      '--electricity-price: expected an electricity price like "$0.08/kWh", got "0.08"',
    ],
  ])('bad input %j → one sentence, exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`gigawatt: ${message}\n`);
  });
});
