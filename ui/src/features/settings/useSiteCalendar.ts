import { useQuery } from "@tanstack/react-query";
import { call } from "../../backend/call";

export const SITE_CALENDAR = ["site_calendar"];

/** The site's zone and holidays, whether an administrator confirmed the zone, and who may edit. */
export function useSiteCalendar(enabled = true) {
  return useQuery({
    queryKey: SITE_CALENDAR,
    queryFn: () => call("get_site_calendar", {}),
    enabled,
  });
}
