import { act } from "react";
import "../../../i18n";
import type { RefusedActView } from "../../../backend/bindings/RefusedActView";
import type { TeamStatus } from "../../../backend/bindings/TeamStatus";
import { ApiFailure } from "../../../backend/call";
import { speak } from "../../../testing/language";
import { mount, settle } from "../../../testing/mount";
import { byTestId, testText } from "../../../testing/route";
import { sessionAs } from "../../../testing/session";
import { TeamSyncPage } from "./TeamSyncPage";

const ENROLLED: TeamStatus = {
  enrolled: true,
  server: "https://sync.example.com",
  desk_code: "AMS1A",
  pending: 3,
  last_success: "2026-11-02T09:30:00.000Z",
  failing_since: "2026-11-02T10:00:00.000Z",
  last_error: {
    message_key: "error.sync.unreachable",
    params: { detail: "connection refused" },
    at: "2026-11-02T10:05:00.000Z",
  },
  open_conflicts: 1,
  refused_acts: 1,
};

const REFUSED: RefusedActView[] = [
  {
    act_id: "act-1",
    kind: "user_created",
    number: null,
    actor_name: "Ada Admin",
    reason_key: "error.sync.username_taken",
    params: { username: "bob" },
    occurred_at: "2026-11-02T09:30:00.000Z",
    refused_at: "2026-11-02T09:32:00.000Z",
    dismissed_at: null,
  },
];

let status: TeamStatus = ENROLLED;
const calls: { act: string; input: unknown }[] = [];
const answers: Record<string, (input: unknown) => unknown> = {};

vi.mock("../../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    const answer = answers[act];
    if (answer) return answer(input);
    if (act === "team_status") return status;
    if (act === "list_refused_acts") return REFUSED;
    if (act === "team_administration") return { desks: [], users: [] };
    throw new Error(`unexpected ${act}`);
  },
}));

beforeEach(() => {
  status = ENROLLED;
  calls.length = 0;
  for (const key of Object.keys(answers)) delete answers[key];
});

afterEach(async () => {
  document.body.innerHTML = "";
  await speak("en");
});

async function render(roles: Parameters<typeof sessionAs>[0] = ["admin"]) {
  await mount(<TeamSyncPage />, { session: sessionAs(roles) });
  await settle();
}

const element = <T extends HTMLElement = HTMLElement>(id: string) => {
  const el = byTestId(id)[0];
  if (!el) throw new Error(`no ${id}`);
  return el as T;
};

async function click(id: string) {
  await act(async () => element(id).click());
  await settle();
}

async function type(id: string, text: string) {
  await act(async () => {
    const input = element<HTMLInputElement>(id);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

test("an enrolled desk that is offline says so in Dutch, with its facts and the refused changes", async () => {
  await speak("nl");
  await render();
  expect(testText("page-title")).toBe("Teamsynchronisatie");
  expect(testText("team-state")).toMatch(/^Offline sinds /);
  expect(testText("team-desk-code")).toBe("AMS1A");
  expect(testText("team-server-shown")).toBe("https://sync.example.com");
  expect(testText("team-pending")).toBe("3");
  expect(testText("team-conflicts")).toBe("1");
  const inbox = byTestId("team-open-inbox")[0];
  expect(inbox?.getAttribute("href")).toBe("#/conflicts");
  expect(inbox?.textContent).toBe("Open het conflictenoverzicht");
  const error = testText("team-error") ?? "";
  expect(error).toContain("De synchronisatieserver is niet bereikbaar");
  expect(error).toContain("Deze werkplek kan https://sync.example.com niet bereiken.");
  expect(error).toContain("Details: connection refused");
  expect(byTestId("refused-row")).toHaveLength(1);
  const row = byTestId("refused-row")[0]?.textContent ?? "";
  expect(row).toContain("Gebruiker aangemaakt");
  expect(row).toContain("Ada Admin");
  expect(testText("refused-reason")).toBe("Het team heeft al een gebruiker met de naam bob");
});

test("an administrator leaves the team after a confirmation that warns of unsent changes", async () => {
  answers.leave_team = () => {
    status = {
      ...ENROLLED,
      enrolled: false,
      server: null,
      pending: 0,
      last_error: null,
      failing_since: null,
      last_success: null,
    };
    return status;
  };
  await render();
  await click("team-leave");
  expect(testText("team-leave-pending")).toContain("3 changes made here have not been sent yet");
  expect(document.body.textContent).toContain("keeps the desk code AMS1A");
  expect(calls.some((c) => c.act === "leave_team")).toBe(false);
  await click("team-leave-confirm");
  expect(calls.filter((c) => c.act === "leave_team")).toHaveLength(1);
  expect(testText("team-on-its-own")).toBe("This desk works on its own: it is not part of a team.");
  expect(document.body.textContent).toContain("It keeps the desk code AMS1A");
  expect(byTestId("team-enrol")).toHaveLength(1);
});

test("someone who is not an administrator sees the state and may sync, but not join or leave", async () => {
  answers.sync_team = () => ({ pushed: 3, pulled: 2, rejected: [], conflicts: 0, renumbered: [] });
  await render(["inspector"]);
  expect(byTestId("team-leave")).toHaveLength(0);
  await click("team-sync-now");
  expect(calls.filter((c) => c.act === "sync_team")).toHaveLength(1);

  status = { ...ENROLLED, enrolled: false, server: null, desk_code: null, refused_acts: 0 };
  document.body.innerHTML = "";
  await render(["inspector"]);
  expect(byTestId("team-enrol")).toHaveLength(0);
  expect(document.body.textContent).toContain("An administrator can connect this desk to a team.");
  expect(byTestId("refused-table")).toHaveLength(0);
});

test("enrolling shows the server's reasons next to the fields, then joins", async () => {
  status = {
    ...ENROLLED,
    enrolled: false,
    server: null,
    desk_code: null,
    pending: 0,
    refused_acts: 0,
  };
  let refuse = true;
  answers.enroll_desk = () => {
    if (refuse) {
      throw new ApiFailure({
        code: "invalid",
        message_key: "error.sync.enroll_code_used",
        params: {},
        fields: [
          { field: "code", row: null, message_key: "error.sync.enroll_code_used", params: {} },
        ],
      });
    }
    status = { ...ENROLLED, pending: 0, last_error: null, failing_since: null };
    return {
      server: "https://sync.example.com",
      desk_code: "AMS1A",
      first_sync: null,
      sync_error: null,
    };
  };
  await render();
  expect(byTestId("team-site")).toHaveLength(0);
  await type("team-server", " https://sync.example.com ");
  await type("team-code", "K7Q2-9XPL");
  await click("team-enrol");
  const wrapper = element("team-code").closest(".mantine-InputWrapper-root")?.textContent ?? "";
  expect(wrapper).toContain("This enrolment code was already used");
  expect(calls.find((c) => c.act === "enroll_desk")?.input).toEqual({
    server: "https://sync.example.com",
    code: "K7Q2-9XPL",
    site: null,
  });

  refuse = false;
  await click("team-enrol");
  expect(testText("team-desk-code")).toBe("AMS1A");
  expect(byTestId("team-enrol")).toHaveLength(0);
});
