/**
 * fflate, with `zip` run on the page. fflate compresses files over 160 kB in a Web Worker made
 * from a blob: URL, which the app's CSP (script-src 'self') refuses, so a large XLSX export
 * would fail. vite.config.ts points write-excel-file's `fflate` here; an export is a second of
 * work at most, so doing it on the page is acceptable.
 */
import {
  type AsyncTerminable,
  type AsyncZipOptions,
  type AsyncZippable,
  type FlateCallback,
  type FlateError,
  zipSync,
} from "fflate/browser";

export * from "fflate/browser";

export function zip(
  data: AsyncZippable,
  optsOrDone: AsyncZipOptions | FlateCallback,
  maybeDone?: FlateCallback,
): AsyncTerminable {
  const [opts, done] =
    typeof optsOrDone === "function" ? [{}, optsOrDone] : [optsOrDone, maybeDone];
  let terminated = false;
  // Called back later, as fflate's own zip is, so callers see the same order of events.
  queueMicrotask(() => {
    if (terminated || !done) return;
    let archive: Uint8Array<ArrayBuffer>;
    try {
      archive = zipSync(data, opts);
    } catch (err) {
      done(err as FlateError, new Uint8Array());
      return;
    }
    done(null, archive);
  });
  return () => {
    terminated = true;
  };
}
