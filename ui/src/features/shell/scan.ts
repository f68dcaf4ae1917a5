/**
 * Barcode scanners type like a keyboard, often with an AIM symbology prefix (]C1, ]d2, ]Q3)
 * and a trailing carriage return. What is left is what the user meant to search for.
 */
export function cleanScan(text: string): string {
  // Scanners end with Enter or Tab and may add other control codes (GS in GS1 data): drop them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control codes is the point
  let value = text.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (/^\][A-Za-z][0-9A-Za-z]/.test(value)) value = value.slice(3);
  return value.trim();
}

/** Where a search hit is shown in the app. */
export function hitPath(
  kind: string,
  key: string,
): { to: string; search?: Record<string, string> } {
  switch (kind) {
    case "failure":
      return { to: `/failures/${encodeURIComponent(key)}` };
    case "product":
      return { to: "/products", search: { text: key } };
    case "lot":
      return { to: `/lots/${encodeURIComponent(key)}` };
    case "order":
      return { to: "/orders", search: { text: key } };
    case "vendor":
      return { to: "/vendors", search: { text: key } };
    default:
      return { to: "/customers", search: { text: key } };
  }
}
