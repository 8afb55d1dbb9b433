import { DOMParser } from 'linkedom';
import { expect } from 'vitest';

/** The part of a DOM element the tests read (the project's lib has no DOM types). */
export interface SvgElement {
  tagName: string;
  textContent: string | null;
  children: Iterable<SvgElement> & ArrayLike<SvgElement>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<SvgElement> & ArrayLike<SvgElement>;
}

/** An SVG string as a DOM to query (linkedom, as the renderers use). */
export function parseSvg(svg: string): SvgElement {
  return new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement as unknown as SvgElement;
}

/** A number attribute of an element (NaN when it is missing). */
export function numberAttr(element: SvgElement | undefined, name: string): number {
  return Number(element?.getAttribute(name) ?? Number.NaN);
}

const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

/**
 * Well-formed XML, checked by hand (the DOM parser forgives): tags nest and close, text
 * and attribute values hold no raw '<', and every '&' starts an entity.
 */
export function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  let text = '';
  const checkText = (chunk: string) => {
    for (let i = chunk.indexOf('&'); i >= 0; i = chunk.indexOf('&', i + 1))
      expect(ENTITY.test(chunk.slice(i)), `bare '&' in ${chunk.slice(i, i + 20)}`).toBe(true);
  };
  for (let i = 0; i < svg.length; ) {
    if (svg[i] !== '<') {
      text += svg[i];
      i++;
      continue;
    }
    checkText(text);
    text = '';
    tag.lastIndex = i;
    const m = tag.exec(svg);
    expect(m, `a tag at ${svg.slice(i, i + 40)}`).not.toBeNull();
    if (!m) return;
    const [whole, closing, name = '', attributes = '', selfClosing] = m;
    checkText(attributes);
    if (closing) expect(stack.pop(), `</${name}> closes`).toBe(name);
    else if (!selfClosing) stack.push(name);
    i += whole.length;
  }
  checkText(text);
  expect(stack, 'every tag closed').toEqual([]);
}

/** The text of an element's direct <text> children. */
export function texts(element: SvgElement): string[] {
  return [...element.children].filter((c) => c.tagName === 'text').map((t) => t.textContent ?? '');
}
