import { useState } from "react";

/**
 * A list's filters, every one a text, held in one state: `bind(key)` is what a filter field takes
 * (its value, and the setter that changes that filter alone).
 */
export function useFilterState<F extends Record<string, string>>(initial: F) {
  const [filters, setFilters] = useState<F>(initial);
  const set = (key: keyof F) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const bind = (key: keyof F) => ({ value: filters[key], onChange: set(key) });
  return { filters, setFilters, set, bind };
}
