import { Resvg } from '@resvg/resvg-js';

/** Rasterize an SVG with the system's fonts (resvg ships no fonts of its own). */
export function svgToPng(svg: string, width = 1520): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: 'white',
  });
  return resvg.render().asPng();
}
