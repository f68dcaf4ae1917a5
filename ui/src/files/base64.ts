// Spreading a whole file into String.fromCharCode overflows the call stack past ~100k bytes.
const CHUNK = 0x8000;

/** The bytes as base64, the form the host's file commands take them in. */
export function bytesToBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const parts: string[] = [];
  for (let i = 0; i < view.length; i += CHUNK) {
    parts.push(String.fromCharCode(...view.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(""));
}
