import { InputError } from '../errors.js';
import { quote } from '../text.js';
import type { SensitivityRow } from '../uncertainty/tornado.js';

/** Chart files are .svg or .png: checked before anything runs, so a typo costs nothing. */
export function checkChartPath(path: string): void {
  if (!/\.(svg|png)$/i.test(path))
    throw new InputError(`--chart: expected a file ending in .svg or .png, got ${quote(path)}`);
}

/** An SVG as the file name asks: kept as SVG, or rasterized for .png (resvg loads only then). */
export async function chartFile(path: string, svg: string, width?: number): Promise<string | Uint8Array> {
  if (!path.toLowerCase().endsWith('.png')) return svg;
  const { svgToPng } = await import('../io/png.js');
  return svgToPng(svg, width);
}

/** A tornado chart of a sensitivity run, as the file name asks. */
export async function tornadoFile(
  path: string,
  title: string,
  base: number,
  rows: readonly SensitivityRow[],
): Promise<string | Uint8Array> {
  const { tornadoSvg } = await import('../report/tornado.js');
  return chartFile(path, tornadoSvg(title, base, rows));
}
