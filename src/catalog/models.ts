import { z } from 'zod';
import { figureSchema, type RawFigure, resolveFigure, sourceList, sourcesSchema } from './figures.js';
import type { Figure, LanguageModel } from './types.js';

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lowercase letters, digits, dots and dashes');
const count = figureSchema('count');

const entrySchema = z
  .strictObject({
    id: idSchema,
    aliases: z.array(idSchema).default([]),
    name: z.string().min(1),
    organization: z.string().min(1),
    year: z.int().min(2015).max(2040),
    architecture: z.enum(['dense', 'moe']),
    sources: sourcesSchema,
    params: count,
    active_params: count.optional(),
    training_tokens: figureSchema('tokens').optional(),
    layers: count.optional(),
    hidden_size: count.optional(),
    attention_heads: count.optional(),
    kv_heads: count.optional(),
    head_dim: count.optional(),
    vocab_size: count.optional(),
    context_length: count.optional(),
    kv_latent_dim: count.optional(),
    training_compute: figureSchema('flop').optional(),
    training_hardware: z
      .strictObject({
        accelerator: z.string(),
        count: z.int().positive(),
        source: z.string(),
        estimate: z.boolean().default(false),
        note: z.string().optional(),
      })
      .optional(),
    /** Accelerator-hours, a plain count of hours. */
    training_accelerator_hours: count.optional(),
    notes: z.string().optional(),
  })
  .transform((raw, ctx): LanguageModel => {
    const fig = <T>(f: RawFigure<T>, ...path: PropertyKey[]): Figure<T> =>
      resolveFigure(f, raw.sources, path, ctx);
    const optional = (f: RawFigure<number> | undefined, key: string) => (f ? fig(f, key) : undefined);
    const params = fig(raw.params, 'params');
    const activeParams = raw.active_params ? fig(raw.active_params, 'active_params') : params;
    if (activeParams.value > params.value) {
      ctx.addIssue({
        code: 'custom',
        path: ['active_params'],
        message: 'active parameters exceed total parameters',
      });
    }
    if (raw.architecture === 'dense' && activeParams.value !== params.value) {
      ctx.addIssue({
        code: 'custom',
        path: ['active_params'],
        message: 'a dense model uses all its parameters per token; set architecture: moe',
      });
    }
    const hardware = raw.training_hardware;
    return {
      id: raw.id,
      aliases: raw.aliases,
      name: raw.name,
      organization: raw.organization,
      year: raw.year,
      architecture: raw.architecture,
      params,
      activeParams,
      trainingTokens: optional(raw.training_tokens, 'training_tokens'),
      layers: optional(raw.layers, 'layers'),
      hiddenSize: optional(raw.hidden_size, 'hidden_size'),
      attentionHeads: optional(raw.attention_heads, 'attention_heads'),
      kvHeads: optional(raw.kv_heads, 'kv_heads'),
      headDim: optional(raw.head_dim, 'head_dim'),
      vocabSize: optional(raw.vocab_size, 'vocab_size'),
      contextLength: optional(raw.context_length, 'context_length'),
      kvLatentDim: optional(raw.kv_latent_dim, 'kv_latent_dim'),
      trainingCompute: raw.training_compute ? fig(raw.training_compute, 'training_compute') : undefined,
      trainingHardware: hardware
        ? {
            accelerator: hardware.accelerator,
            count: hardware.count,
            source: fig({ value: 0, source: hardware.source, estimate: false }, 'training_hardware').source,
            estimate: hardware.estimate,
            note: hardware.note,
          }
        : undefined,
      trainingAcceleratorHours: optional(raw.training_accelerator_hours, 'training_accelerator_hours'),
      notes: raw.notes,
      sources: sourceList(raw.sources),
    };
  });

export const modelsFileSchema = z
  .strictObject({ models: z.array(entrySchema).min(1) })
  .transform((f) => f.models);
