import { useQuery } from "@tanstack/react-query";
import type { Acts } from "../backend/acts";
import { call } from "../backend/call";

/**
 * Reads one act's answer under `queryKey`, shared by every screen that asks for the same key;
 * nothing is read while `enabled` is false.
 */
export function useAct<A extends keyof Acts>(
  queryKey: readonly unknown[],
  act: A,
  input: Acts[A][0],
  enabled = true,
) {
  return useQuery({ queryKey, queryFn: () => call(act, input), enabled });
}
