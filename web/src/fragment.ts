/**
 * A scenario written in the explorer travels in the page's fragment (#yaml=...): deflated
 * and base64url-encoded, so a link or a reload brings the text back and the server never
 * sees it in a request line or a log.
 */

const KEY = 'yaml';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(
  stream: GenerateTransformStream,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

type GenerateTransformStream = CompressionStream | DecompressionStream;

/** The text as a fragment value. */
export async function encodeText(text: string): Promise<string> {
  return toBase64Url(await through(new CompressionStream('deflate-raw'), new TextEncoder().encode(text)));
}

/** A fragment value back to its text; undefined when it is not one of ours. */
export async function decodeText(value: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(
      await through(new DecompressionStream('deflate-raw'), fromBase64Url(value)),
    );
  } catch {
    return undefined;
  }
}

/** The scenario text the page's fragment carries, if any. */
export async function textInFragment(): Promise<string | undefined> {
  const value = new URLSearchParams(location.hash.slice(1)).get(KEY);
  return value ? decodeText(value) : undefined;
}

/** Put the text in the fragment without adding a history entry, unless the user has left `path`. */
export async function writeTextToFragment(text: string, path: string): Promise<void> {
  const hash = `#${KEY}=${await encodeText(text)}`;
  if (location.pathname !== path) return;
  if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}
