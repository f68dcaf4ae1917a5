/** What was typed, trimmed; null when nothing was. */
export const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** A list as typed: its items split at blanks, commas or semicolons, the empty ones dropped. */
export const splitList = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
