/**
 * In the page, Plot draws into the page's own document: the report code's `parseHTML`
 * (linkedom, for Node) is replaced by this when the explorer is bundled.
 */
export function parseHTML(_html: string): { document: Document } {
  return { document };
}
