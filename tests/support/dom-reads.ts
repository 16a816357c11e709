/**
 * Counting what a test's code reads of the DOM (jsdom): a getter wrapped to
 * count each read, for tests that specify work by counts rather than times.
 */

/**
 * Wraps the getter `name` of `proto` (e.g. `Node.prototype`, `'firstChild'`)
 * so that each read calls `onRead` first; returns the function that puts the
 * original getter back.
 */
export function countReads(proto: object, name: string, onRead: () => void): () => void {
  const original = Object.getOwnPropertyDescriptor(proto, name);
  if (!original?.get) throw new Error(`${name} is not a getter of this prototype`);
  const get = original.get;
  Object.defineProperty(proto, name, {
    ...original,
    get(this: unknown) {
      onRead();
      return get.call(this);
    },
  });
  return () => Object.defineProperty(proto, name, original);
}
