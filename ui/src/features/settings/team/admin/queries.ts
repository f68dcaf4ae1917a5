import type { QueryClient } from "@tanstack/react-query";
import type { TeamAdministration } from "../../../../backend/bindings/TeamAdministration";

export const TEAM_ADMIN = ["team_administration"] as const;

/** An act answered the team as it is now: show that, without asking the server again. */
export function showTeam(client: QueryClient, team: TeamAdministration) {
  client.setQueryData(TEAM_ADMIN, team);
}
