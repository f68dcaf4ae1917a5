/**
 * jsdom lays nothing out: every element is given `px` of height and width for the file's tests,
 * so a virtualised list renders the rows in view as it does in the app.
 */
export function withElementSize(px: number) {
  const sizes = ["clientHeight", "clientWidth"] as const;
  beforeAll(() => {
    for (const size of sizes) {
      Object.defineProperty(HTMLElement.prototype, size, { configurable: true, get: () => px });
    }
  });
  afterAll(() => {
    for (const size of sizes) Reflect.deleteProperty(HTMLElement.prototype, size);
  });
}
