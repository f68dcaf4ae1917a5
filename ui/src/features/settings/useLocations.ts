import { useQuery } from "@tanstack/react-query";
import { call } from "../../backend/call";

/** The administrator's list of stock locations. */
export function useLocations() {
  return useQuery({ queryKey: ["locations"], queryFn: () => call("list_locations", {}) });
}

/** The codes stock may go to now, for a location field's suggestions. */
export function useActiveLocationCodes(): string[] {
  const list = useLocations();
  return (list.data ?? []).filter((l) => l.active).map((l) => l.code);
}
