/** Query keys of the inbox: its list, and the navigation's count. */
export const CONFLICTS = ["list_conflicts"] as const;
export const OPEN_COUNT = ["count_open_conflicts"] as const;
