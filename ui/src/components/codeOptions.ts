import type { TFunction } from "i18next";

/** A coded field's choices (statuses, stages, teams), each named by its key under `prefix`. */
export function codeOptions<V extends string>(t: TFunction, codes: readonly V[], prefix: string) {
  return codes.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
