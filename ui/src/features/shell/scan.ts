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

/** Where a search hit is shown in the app: the record itself, or its list filtered to it. */
export function hitPath(
  kind: string,
  key: string,
): { to: string; search?: Record<string, string> } {
  const record = (list: string) => ({ to: `/${list}/${encodeURIComponent(key)}` });
  switch (kind) {
    case "failure":
      return record("failures");
    case "lot":
      return record("lots");
    case "rma":
      return record("returns");
    case "reshipment":
      return record("reshipments");
    case "recall":
      return record("recalls");
    case "product":
      return { to: "/products", search: { sku: key, text: key } };
    case "order":
      return { to: "/orders", search: { text: key } };
    case "vendor":
      return { to: "/vendors", search: { text: key } };
    default:
      return { to: "/customers", search: { text: key } };
  }
}
