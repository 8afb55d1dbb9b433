export type Tolerance = { kind: 'relative'; fraction: number } | { kind: 'factor'; factor: number };

export function parseTolerance(text: string): Tolerance {
  if (text.endsWith('%')) return { kind: 'relative', fraction: Number(text.slice(0, -1)) / 100 };
  return { kind: 'factor', factor: Number(text.slice(1)) };
}

export function describeTolerance(t: Tolerance): string {
  return t.kind === 'relative' ? `±${Number((t.fraction * 100).toPrecision(3))}%` : `within ×${t.factor}`;
}

/** Does the model value lie within tolerance of the reference? */
export function within(model: number, reference: number, t: Tolerance): boolean {
  if (reference === 0) return model === 0;
  if (t.kind === 'relative') return Math.abs(model / reference - 1) <= t.fraction + 1e-12;
  const ratio = model / reference;
  return ratio > 0 && Math.max(ratio, 1 / ratio) <= t.factor + 1e-12;
}

/** "+12%", "-52%", or "3.1×" / "1/4.2×" past a factor of two. */
export function describeDifference(model: number, reference: number): string {
  // Against zero there is no ratio, only a side.
  if (reference === 0) return model === 0 ? 'exact' : model > 0 ? 'above zero' : 'below zero';
  const ratio = model / reference;
  if (ratio >= 2) return `${Number(ratio.toPrecision(2))}×`;
  if (ratio > 0 && ratio <= 0.5) return `1/${Number((1 / ratio).toPrecision(2))}×`;
  const percent = (ratio - 1) * 100;
  if (Math.abs(percent) < 0.05) return 'exact';
  const rounded = Math.abs(percent) < 10 ? percent.toFixed(1) : percent.toFixed(0);
  return `${percent >= 0 ? '+' : ''}${rounded}%`;
}

/** "25% above the model", "4.1× the model", "1/3.2 of the model". */
export function describeClaim(claim: number, model: number): string {
  const ratio = claim / model;
  if (ratio >= 2) return `${Number(ratio.toPrecision(2))}× the model`;
  // Only a claim of the model's sign has a "1/N of" reading; zero or the other sign is a distance.
  if (ratio > 0 && ratio <= 0.5) return `1/${Number((1 / ratio).toPrecision(2))} of the model`;
  const percent = Math.abs(ratio - 1) * 100;
  return `${percent < 10 ? percent.toFixed(1) : percent.toFixed(0)}% ${ratio > 1 ? 'above' : 'below'} the model`;
}
