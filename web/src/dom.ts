/** A small element builder: attributes, event handlers (on*), and children as nodes or text. */
type Attr = string | number | boolean | undefined | ((event: Event) => void);
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** A table from a header row and body rows of text or nodes. */
export function table(headers: string[], rows: Child[][], attrs: Record<string, Attr> = {}): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      attrs,
      h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((cell) => h('td', {}, cell))))),
    ),
  );
}

/**
 * An SVG chart from the server (Observable Plot, rendered there), placed in a card with
 * its downloads: the SVG, a PNG drawn from it here at twice its size, and the plotted
 * figures as CSV when the chart has them. Hovering a point shows its figure.
 */
export function chart(id: string, svg: string, csv?: string): HTMLElement {
  const figure = h('div', { class: 'chart-figure' });
  figure.innerHTML = svg;
  const file = (kind: string) => `${id}.${kind}`;
  const link = (kind: string, make: () => Promise<Blob>) => {
    const a = h(
      'button',
      { type: 'button', class: 'link', 'data-testid': `download-${id}-${kind}` },
      kind.toUpperCase(),
    );
    a.addEventListener('click', async () => {
      const url = URL.createObjectURL(await make());
      const save = h('a', { href: url, download: file(kind) });
      save.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    return a;
  };
  const downloads = h(
    'div',
    { class: 'chart-downloads' },
    'Download ',
    link('svg', async () => new Blob([svg], { type: 'image/svg+xml' })),
    ' ',
    link('png', () => pngOf(svg)),
    ...(csv ? [' ', link('csv', async () => new Blob([csv], { type: 'text/csv' }))] : []),
  );
  return h('div', { class: 'chart', 'data-testid': `chart-${id}` }, figure, downloads);
}

/** An SVG drawn onto a canvas at twice its size, as PNG. */
async function pngOf(svg: string): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = h('canvas', { width: image.naturalWidth * 2, height: image.naturalHeight * 2 });
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be drawn'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Call `fn` once input has paused for `ms`. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
