import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('gigawatt calc inference, token-factory, edge-vs-central', () => {
  it('runs the issue example and prints throughput, latency, energy and cost', async () => {
    const r = await cli(
      'calc',
      'inference',
      '--model',
      'llama-3.3-70b',
      '--accelerator',
      'h100',
      '--tp',
      '2',
      '--precision',
      'fp8',
      '--batch',
      '64',
      '--input-tokens',
      '1000',
      '--output-tokens',
      '1000',
    );
    expect(r.code).toBe(0);
    for (const label of [
      'Prefill throughput',
      'Output per accelerator',
      'Time to first token',
      'Time per output token',
      'Largest batch that fits',
      'Energy per output token',
      'Cost per million output tokens',
    ]) {
      expect(r.stdout).toContain(label);
    }
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('picks the batch with --batch max under a latency bound', async () => {
    const r = await cli(
      'calc',
      'inference',
      '--model',
      'llama-3.3-70b',
      '--accelerator',
      'h100',
      '--tp',
      '4',
      '--precision',
      'fp8',
      '--batch',
      'max',
      '--max-tpot',
      '50ms',
      '--json',
    );
    const json = JSON.parse(r.stdout);
    expect(json.outputs.time_per_output_token.value).toBeLessThanOrEqual(0.05);
    expect(json.inputs.batch).toMatchObject({ origin: 'solved', via: 'max under --max-tpot' });
  });

  it('runs a token factory for a population', async () => {
    const r = await cli(
      'calc',
      'token-factory',
      '--facility-power',
      '1GW',
      '--accelerator',
      'gb200',
      '--model',
      'llama-3.3-70b',
      '--population',
      '8e9',
      '--json',
    );
    const json = JSON.parse(r.stdout);
    for (const name of [
      'tokens_per_year',
      'energy_per_token',
      'breakeven_price_per_million_tokens',
      'tokens_per_person_per_day',
    ]) {
      expect(json.outputs[name].value, name).toBeGreaterThan(0);
    }
  });

  it('prints edge and central side by side', async () => {
    const r = await cli(
      'calc',
      'edge-vs-central',
      '--model',
      'llama-3.1-8b',
      '--devices',
      '1B',
      '--device',
      'tesla-hw4',
      '--utilization',
      '5%',
      '--central-accelerator',
      'gb200',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Edge fleet\s+Central factory/);
    expect(r.stdout).toMatch(/cost per million tokens\s+\$[\d.]+\s+\$[\d.]+/);
  });

  it.each([
    [
      ['calc', 'inference', '--model', 'llama-3.1-405b', '--accelerator', 'h100', '--tp', '2'],
      '--tp 2: the weights plus one 1,250-token request need 811 GB, but 2 × h100-sxm offer 144 GB usable, 667 GB short; try --tp 16',
    ],
    [
      [
        'calc',
        'inference',
        '--model',
        'llama-3.3-70b',
        '--precision',
        'fp8',
        '--tp',
        '1',
        '--batch',
        '100000',
      ],
      '--batch 100000 does not fit: at most 9 requests of 1,250 tokens fit beside the weights',
    ],
    [
      ['calc', 'inference', '--model', 'llama-3.3-70b', '--batch', 'lots'],
      '--batch: expected a count like "64" or "max", got "lots"',
    ],
    [
      ['calc', 'inference', '--model', 'llama-3.3-70b', '--output-tokens', '200000'],
      "--output-tokens plus --input-tokens make 201,000 tokens, past llama-3.3-70b's context of 131,072",
    ],
    [
      ['calc', 'inference', '--model', 'llama-3.3-70b', '--input-tokens', '0'],
      '--input-tokens: must be at least 1, got "0"',
    ],
    [
      [
        'calc',
        'inference',
        '--model',
        'llama-3.3-70b',
        '--tp',
        '1',
        '--precision',
        'fp8',
        '--max-tpot',
        '1ms',
      ],
      '--max-tpot cannot be met: even one request takes 24.6 ms per output token',
    ],
    [
      ['calc', 'inference', '--model', 'gpt-4'],
      '--model: gpt-4 publishes no KV heads, which inference needs',
    ],
    [
      ['calc', 'edge-vs-central', '--model', 'llama-3.1-8b', '--devices', '1B', '--device', 'iphone'],
      "--device: unknown device 'iphone'; did you mean 'apple-a18-pro'?",
    ],
    [
      ['calc', 'edge-vs-central', '--model', 'llama-3.1-8b', '--devices', '0', '--device', 'm4'],
      '--devices: must be at least 1, got "0"',
    ],
    [
      [
        'calc',
        'edge-vs-central',
        '--model',
        'llama-3.1-8b',
        '--devices',
        '1B',
        '--device',
        'm4',
        '--utilization',
        '120%',
      ],
      '--utilization: cannot exceed 100%, got "120%"',
    ],
  ])('bad input %j → one sentence, exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.stderr).toBe(`gigawatt: ${message}\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
