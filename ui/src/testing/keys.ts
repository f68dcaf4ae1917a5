import type { TFunction } from "i18next";

/** A `t` that answers with the key itself, so that a test names what it expects by key. */
export const keysOnly = ((key: string) => key) as unknown as TFunction;
