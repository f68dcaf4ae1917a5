import { useLocations } from "../../queries/lists";

/** The codes stock may go to now, for a location field's suggestions. */
export function useActiveLocationCodes(): string[] {
  const list = useLocations();
  return (list.data ?? []).filter((l) => l.active).map((l) => l.code);
}
