import type { Assumptions } from '../catalog/assumptions.js';
import type { Accelerator, EdgeDevice, Figure, LanguageModel, RangedFigure } from '../catalog/types.js';
import { PRECISIONS } from '../catalog/types.js';
import { h100eOf } from '../model/from-catalog.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity, significant } from '../units/format.js';
import { renderTable } from './table.js';

const show = (figure: Figure | null | undefined, dimension: Dimension) =>
  figure ? `${formatQuantity(figure.value, dimension)}${figure.estimate ? '*' : ''}` : '—';

export function renderAcceleratorTable(accelerators: readonly Accelerator[], h100: Accelerator): string {
  const rows = accelerators.map((a) => [
    a.id,
    String(a.year),
    ...PRECISIONS.map((p) => show(a.dense[p], 'flops')),
    significant(h100eOf(a, h100)),
    show(a.hbmCapacity, 'bytes'),
    show(a.hbmBandwidth, 'bandwidth'),
    show(a.tdp, 'power'),
    show(a.itPower, 'power'),
    show(a.price, 'money'),
    a.process ? a.process.value : '—',
  ]);
  const right = { align: 'right' as const };
  return `${renderTable(
    [
      { header: 'id' },
      { header: 'year' },
      { header: 'BF16 dense', ...right },
      { header: 'FP8 dense', ...right },
      { header: 'FP4 dense', ...right },
      { header: 'H100e', ...right },
      { header: 'HBM', ...right },
      { header: 'HBM BW', ...right },
      { header: 'TDP', ...right },
      { header: 'IT power', ...right },
      { header: 'price', ...right },
      { header: 'process' },
    ],
    rows,
  )}\n\n* estimate. Dense peaks only; sparse figures and every source: gigawatt catalog show <id>\nH100e: dense BF16 peak over the H100 SXM's (${formatQuantity(h100.dense.bf16?.value ?? 0, 'flops')}).\n`;
}

export function renderModelTable(models: readonly LanguageModel[]): string {
  const rows = models.map((m) => [
    m.id,
    String(m.year),
    m.architecture,
    show(m.params, 'count'),
    show(m.activeParams, 'count'),
    show(m.trainingTokens, 'count'),
    show(m.layers, 'count'),
    show(m.hiddenSize, 'count'),
    show(m.attentionHeads, 'count'),
    show(m.kvHeads, 'count'),
    show(m.headDim, 'count'),
    show(m.trainingCompute, 'flop'),
  ]);
  const right = { align: 'right' as const };
  return `${renderTable(
    [
      { header: 'id' },
      { header: 'year' },
      { header: 'arch' },
      { header: 'params', ...right },
      { header: 'active', ...right },
      { header: 'tokens', ...right },
      { header: 'layers', ...right },
      { header: 'hidden', ...right },
      { header: 'heads', ...right },
      { header: 'kv heads', ...right },
      { header: 'head dim', ...right },
      { header: 'reported compute', ...right },
    ],
    rows,
  )}\n\n* estimate. Every source: gigawatt catalog show <id>\n`;
}

export function renderAssumptionTable(assumptions: Assumptions): string {
  const rows = Object.values(assumptions).map((a) => [
    a.key,
    a.written,
    a.range ?? '',
    a.estimate ? 'estimate' : 'published',
    a.description,
  ]);
  return `${renderTable(
    [
      { header: 'key' },
      { header: 'default', align: 'right' },
      { header: 'range' },
      { header: 'kind' },
      { header: 'what' },
    ],
    rows,
  )}\n`;
}

function figureLines(
  label: string,
  figure: Figure<number | string> | null | undefined,
  dimension?: Dimension,
  /** What a null figure means: a precision the chip lacks, or a figure nobody published. */
  absent = 'not published',
): string[] {
  if (figure === undefined) return [];
  if (figure === null) return [`  ${label.padEnd(22)} ${absent}`];
  const value =
    typeof figure.value === 'number' && dimension
      ? formatQuantity(figure.value, dimension)
      : String(figure.value);
  const lines = [
    `  ${label.padEnd(22)} ${value}${figure.estimate ? '  (estimate)' : ''}  [${figure.source.key}]`,
  ];
  if (figure.note) lines.push(`  ${''.padEnd(22)} ${figure.note}`);
  return lines;
}

function sourceLines(entry: {
  sources: { key: string; title: string; url?: string | undefined }[];
}): string[] {
  return [
    '',
    'Sources',
    ...entry.sources.map((s) => `  [${s.key}] ${s.title}${s.url ? `\n    ${s.url}` : ''}`),
  ];
}

export function renderAccelerator(a: Accelerator): string {
  const lines = [
    `${a.name} (${a.id})`,
    `  vendor ${a.vendor}, ${a.status}, ${a.year}${a.aliases.length ? `; aliases: ${a.aliases.join(', ')}` : ''}`,
    '',
    'Peak tensor FLOP/s, dense (no structured sparsity)',
    ...PRECISIONS.flatMap((p) => figureLines(p, a.dense[p], 'flops', 'not supported')),
    '',
    'Peak with 2:4 structured sparsity (marketing figure; never used in the model)',
    ...PRECISIONS.flatMap((p) => figureLines(p, a.sparse[p], 'flops', 'not supported')),
    '',
    'Memory, power, cost, silicon',
    ...figureLines('HBM capacity', a.hbmCapacity, 'bytes'),
    ...figureLines('HBM bandwidth', a.hbmBandwidth, 'bandwidth'),
    ...figureLines('chip TDP', a.tdp, 'power'),
    ...figureLines('all-in IT power', a.itPower, 'power'),
    ...figureLines('price (with server)', a.price, 'money'),
    ...figureLines('die area', a.dieArea, 'area'),
    ...figureLines('process', a.process),
  ];
  if (a.notes) lines.push('', `Notes: ${a.notes}`);
  return `${[...lines, ...sourceLines(a)].join('\n')}\n`;
}

export function renderModel(m: LanguageModel): string {
  const lines = [
    `${m.name} (${m.id})`,
    `  ${m.organization}, ${m.year}, ${m.architecture}${m.aliases.length ? `; aliases: ${m.aliases.join(', ')}` : ''}`,
    '',
    ...figureLines('parameters', m.params, 'count'),
    ...figureLines('active parameters', m.activeParams, 'count'),
    ...figureLines('training tokens', m.trainingTokens, 'tokens'),
    ...figureLines('layers', m.layers, 'count'),
    ...figureLines('hidden size', m.hiddenSize, 'count'),
    ...figureLines('attention heads', m.attentionHeads, 'count'),
    ...figureLines('KV heads', m.kvHeads, 'count'),
    ...figureLines('head dim', m.headDim, 'count'),
    ...figureLines('KV latent dim (MLA)', m.kvLatentDim, 'count'),
    ...figureLines('vocabulary', m.vocabSize, 'count'),
    ...figureLines('context length', m.contextLength, 'count'),
    ...figureLines('training compute', m.trainingCompute, 'flop'),
    ...figureLines('accelerator-hours', m.trainingAcceleratorHours, 'hours'),
  ];
  const hw = m.trainingHardware;
  if (hw)
    lines.push(
      `  ${'training hardware'.padEnd(22)} ${formatQuantity(hw.count, 'count')} × ${hw.accelerator}  [${hw.source.key}]`,
    );
  if (m.notes) lines.push('', `Notes: ${m.notes}`);
  return `${[...lines, ...sourceLines(m)].join('\n')}\n`;
}

const ranged = (figure: RangedFigure, dimension: Dimension) =>
  `${show(figure, dimension)}${figure.range ? ` (${figure.range})` : ''}`;

export function renderDeviceTable(devices: readonly EdgeDevice[]): string {
  const rows = devices.map((d) => [
    d.id,
    d.kind,
    String(d.year),
    show(d.peak8bit, 'flops'),
    show(d.memoryCapacity, 'bytes'),
    show(d.memoryBandwidth, 'bandwidth'),
    show(d.power, 'power'),
    show(d.price, 'money'),
  ]);
  const right = { align: 'right' as const };
  return `${renderTable(
    [
      { header: 'id' },
      { header: 'kind' },
      { header: 'year' },
      { header: '8-bit peak', ...right },
      { header: 'memory', ...right },
      { header: 'bandwidth', ...right },
      { header: 'power', ...right },
      { header: 'AI price', ...right },
    ],
    rows,
  )}\n\n* estimate. Ranges and every source: gigawatt catalog show <id>\n`;
}

export function renderDevice(d: EdgeDevice): string {
  const line = (label: string, figure: RangedFigure | null, dimension: Dimension) =>
    figure
      ? [
          `  ${label.padEnd(22)} ${ranged(figure, dimension)}${figure.estimate ? '  (estimate)' : ''}  [${figure.source.key}]`,
          ...(figure.note ? [`  ${''.padEnd(22)} ${figure.note}`] : []),
        ]
      : [`  ${label.padEnd(22)} not published`];
  const lines = [
    `${d.name} (${d.id})`,
    `  ${d.kind}, ${d.year}${d.aliases.length ? `; aliases: ${d.aliases.join(', ')}` : ''}`,
    '',
    ...line('8-bit peak (dense)', d.peak8bit, 'flops'),
    ...line('16-bit peak (dense)', d.peak16bit, 'flops'),
    ...line('memory', d.memoryCapacity, 'bytes'),
    ...line('memory bandwidth', d.memoryBandwidth, 'bandwidth'),
    ...line('power (inference)', d.power, 'power'),
    ...line('price of AI hardware', d.price, 'money'),
  ];
  if (d.notes) lines.push('', `Notes: ${d.notes}`);
  return `${[...lines, ...sourceLines(d)].join('\n')}\n`;
}
