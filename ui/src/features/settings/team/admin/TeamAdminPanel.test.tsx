import { act } from "react";
import "../../../../i18n";
import type { TeamAdministration } from "../../../../backend/bindings/TeamAdministration";
import { ApiFailure } from "../../../../backend/call";
import { speak } from "../../../../testing/language";
import { mount, settle } from "../../../../testing/mount";
import { byTestId, testText } from "../../../../testing/route";
import { sessionAs } from "../../../../testing/session";
import { TeamAdminPanel } from "./TeamAdminPanel";

const TEAM: TeamAdministration = {
  desks: [
    {
      desk_code: "AMS1A",
      site_code: "AMS1",
      enrolled_at: "2026-11-02T09:00:00.000Z",
      last_contact_at: "2026-11-02T10:00:00.000Z",
      lotline_version: "0.1.0",
      revoked_at: null,
      this_desk: true,
    },
    {
      desk_code: "AMS1B",
      site_code: "AMS1",
      enrolled_at: "2026-11-02T09:10:00.000Z",
      last_contact_at: null,
      lotline_version: null,
      revoked_at: null,
      this_desk: false,
    },
  ],
  users: [
    {
      user_id: "u-ada",
      username: "ada",
      display_name: "Ada Admin",
      roles: ["admin", "quality_lead"],
      active: true,
      has_password: true,
      desks: ["AMS1A", "AMS1B"],
      locked_until: null,
      last_sign_in_at: "2026-11-02T09:30:00.000Z",
    },
    {
      user_id: "u-ivy",
      username: "ivy",
      display_name: null,
      roles: ["inspector"],
      active: true,
      has_password: false,
      desks: [],
      locked_until: "2026-11-02T10:15:00.000Z",
      last_sign_in_at: null,
    },
  ],
};

const calls: { act: string; input: unknown }[] = [];
let team: () => TeamAdministration = () => TEAM;

vi.mock("../../../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    if (act === "team_administration") return team();
    if (act === "renew_team_session") {
      if ((input as { password: string }).password !== "right-password") {
        const { ApiFailure } = await import("../../../../backend/call");
        throw new ApiFailure({
          code: "unauthenticated",
          message_key: "error.team.session_needed",
          params: {},
          fields: [
            { field: "password", row: null, message_key: "error.auth.bad_credentials", params: {} },
          ],
        });
      }
      return TEAM;
    }
    if (act === "unlock_team_user") {
      return { ...TEAM, users: TEAM.users.map((u) => ({ ...u, locked_until: null })) };
    }
    if (act === "revoke_team_desk") {
      return {
        ...TEAM,
        desks: TEAM.desks.map((d) =>
          d.desk_code === "AMS1B" ? { ...d, revoked_at: "2026-11-02T10:20:00.000Z" } : d,
        ),
      };
    }
    if (act === "issue_team_enroll_code") {
      return { code: "K7QM-2XPA-9D4T", expires_at: "2026-11-03T10:20:00.000Z" };
    }
    throw new Error(`unexpected ${act}`);
  },
}));

beforeEach(() => {
  calls.length = 0;
  team = () => TEAM;
});

afterEach(async () => {
  document.body.innerHTML = "";
  await speak("en");
});

async function render() {
  await mount(<TeamAdminPanel />, { session: sessionAs(["admin"]) });
  await settle();
}

const element = <T extends HTMLElement = HTMLElement>(id: string, index = 0) => {
  const el = byTestId(id)[index];
  if (!el) throw new Error(`no ${id}`);
  return el as T;
};

async function click(id: string, index = 0) {
  await act(async () => element(id, index).click());
  await settle();
}

const rowOf = (id: string, key: string) =>
  [...byTestId(id)].find((row) => row.getAttribute("data-key") === key);

test("lists the desks and users in Dutch, and lifts a lock", async () => {
  await speak("nl");
  await render();
  expect(rowOf("team-desk-row", "AMS1A")?.textContent).toContain("(deze desk)");
  expect(rowOf("team-desk-row", "AMS1B")?.textContent).toContain("Nooit");
  // Only the other desk can be revoked: this one leaves the team instead.
  expect(byTestId("team-desk-revoke")).toHaveLength(1);
  const ivy = rowOf("team-user-row", "ivy")?.textContent ?? "";
  expect(ivy).toContain("Geblokkeerd tot");
  expect(ivy).toContain("Geen wachtwoord op de server");
  expect(rowOf("team-user-row", "ada")?.textContent).toContain("Beheerder");
  await click("team-user-unlock");
  expect(calls.find((c) => c.act === "unlock_team_user")?.input).toEqual({ user_id: "u-ivy" });
  expect(byTestId("team-user-unlock")).toHaveLength(0);
  expect(rowOf("team-user-row", "ivy")?.textContent).toContain("Actief");
});

test("revokes another desk after a confirmation", async () => {
  await render();
  await click("team-desk-revoke");
  expect(document.body.textContent).toContain("Desk AMS1B can no longer sync with the team");
  expect(calls.some((c) => c.act === "revoke_team_desk")).toBe(false);
  await click("team-desk-revoke-confirm");
  expect(calls.find((c) => c.act === "revoke_team_desk")?.input).toEqual({ desk_code: "AMS1B" });
  expect(rowOf("team-desk-row", "AMS1B")?.textContent).toContain("Revoked");
  expect(byTestId("team-desk-revoke")).toHaveLength(0);
});

test("shows a new desk's one-time code once", async () => {
  await render();
  await click("team-issue-code");
  expect(testText("team-issued-code")).toBe("K7QM-2XPA-9D4T");
  await click("team-code-done");
  expect(byTestId("team-issued-code")).toHaveLength(0);
});

test("asks for the password again when the server has no session for this desk", async () => {
  team = () => {
    throw new ApiFailure({
      code: "unauthenticated",
      message_key: "error.team.session_needed",
      params: {},
      fields: [],
    });
  };
  await render();
  expect(testText("team-admin-renew-intro")).toContain("Give your password again");
  expect(byTestId("team-desk-row")).toHaveLength(0);
  const typeInto = async (text: string) =>
    act(async () => {
      const input = element<HTMLInputElement>("team-admin-password");
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, text);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  await typeInto("wrong-password");
  await click("team-admin-renew");
  expect(document.body.textContent).toContain("User name or password is not right");
  await typeInto("right-password");
  await click("team-admin-renew");
  expect(calls.filter((c) => c.act === "renew_team_session")).toHaveLength(2);
  expect(byTestId("team-desk-row")).toHaveLength(2);
});
