/** Where a figure comes from. */
export interface Source {
  key: string;
  title: string;
  url?: string | undefined;
}

/** One catalog number with its provenance. Values are in SI base units. */
export interface Figure<T = number> {
  value: T;
  source: Source;
  estimate: boolean;
  note?: string | undefined;
}

export const PRECISIONS = ['bf16', 'fp8', 'fp4'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const SPARSITIES = ['dense', 'sparse'] as const;
export type Sparsity = (typeof SPARSITIES)[number];

export interface Accelerator {
  id: string;
  aliases: string[];
  name: string;
  vendor: string;
  status: 'shipping' | 'announced';
  year: number;
  /** Peak tensor FLOP/s without structured sparsity; null where the precision is not supported. */
  dense: Record<Precision, Figure | null>;
  /** Peak with 2:4 structured sparsity, as marketed. Never used for training or inference math. */
  sparse: Record<Precision, Figure | null>;
  hbmCapacity: Figure;
  hbmBandwidth: Figure;
  tdp: Figure;
  /** All-in IT power per accelerator as deployed (server, CPU, network share), before PUE. */
  itPower: Figure;
  /** Purchase price per accelerator including its server and rack share. */
  price: Figure;
  dieArea: Figure | null;
  process: Figure<string> | null;
  notes?: string | undefined;
  sources: Source[];
}

export interface TrainingHardware {
  accelerator: string;
  count: number;
  source: Source;
  estimate: boolean;
  note?: string | undefined;
}

export interface LanguageModel {
  id: string;
  aliases: string[];
  name: string;
  organization: string;
  year: number;
  architecture: 'dense' | 'moe';
  params: Figure;
  /** Parameters used per token (equal to params for dense models). */
  activeParams: Figure;
  trainingTokens?: Figure | undefined;
  /** Dimensions inference needs; some models (GPT-4) publish none. */
  layers?: Figure | undefined;
  hiddenSize?: Figure | undefined;
  attentionHeads?: Figure | undefined;
  kvHeads?: Figure | undefined;
  headDim?: Figure | undefined;
  vocabSize?: Figure | undefined;
  contextLength?: Figure | undefined;
  /** Multi-head latent attention: elements cached per token per layer (replaces kv_heads × head_dim × 2). */
  kvLatentDim?: Figure | undefined;
  trainingCompute?: Figure | undefined;
  trainingHardware?: TrainingHardware | undefined;
  trainingAcceleratorHours?: Figure | undefined;
  notes?: string | undefined;
  sources: Source[];
}

/** A sourced default for a model input. */
export interface Assumption {
  key: string;
  value: number;
  /** As written in the data file, e.g. "$0.08/kWh". */
  written: string;
  description: string;
  sources: Source[];
  estimate: boolean;
  range?: string | undefined;
  note?: string | undefined;
}

/** A figure with a plausible range, for unofficial specifications. */
export type RangedFigure = Figure & { range?: string | undefined };

/** An edge AI device (car computer, phone or laptop NPU). */
export interface EdgeDevice {
  id: string;
  aliases: string[];
  name: string;
  kind: 'car' | 'phone' | 'laptop' | 'home';
  year: number;
  /** Dense 8-bit peak (int8 ops/s or fp8 FLOP/s), the precision edge inference runs at. */
  peak8bit: RangedFigure;
  peak16bit: RangedFigure | null;
  memoryCapacity: RangedFigure;
  memoryBandwidth: RangedFigure;
  /** Power of the AI computer while running inference. */
  power: RangedFigure;
  /** Cost of the AI computer, or the share of the device's price attributable to it. */
  price: RangedFigure;
  notes?: string | undefined;
  sources: Source[];
}
