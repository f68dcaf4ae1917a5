import { createRoute } from "@tanstack/react-router";
import "../../i18n";
import type { TeamStatus } from "../../backend/bindings/TeamStatus";
import { speak } from "../../testing/language";
import { byTestId, mountAt } from "../../testing/route";
import { sessionAs } from "../../testing/session";
import { SyncIndicator } from "./SyncIndicator";
import { syncStateOf } from "./syncState";

const SYNCED: TeamStatus = {
  enrolled: true,
  server: "https://sync.example.com",
  desk_code: "AMS1A",
  pending: 0,
  last_success: "2026-11-02T09:30:00.000Z",
  failing_since: null,
  last_error: null,
  open_conflicts: 0,
  refused_acts: 0,
};

let status: TeamStatus = SYNCED;

vi.mock("../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../backend/call")>()),
  call: async (act: string) => {
    if (act === "team_status") return status;
    throw new Error(`unexpected ${act}`);
  },
}));

afterEach(async () => {
  document.body.innerHTML = "";
  await speak("en");
});

async function show(next: TeamStatus) {
  status = next;
  await mountAt(
    "/",
    (root) => createRoute({ getParentRoute: () => root, path: "/", component: SyncIndicator }),
    sessionAs(["inspector"]),
  );
  return byTestId("sync-indicator")[0];
}

test("the state reads most pressing first: an error, offline, changes waiting, synced", () => {
  const unreachable = {
    message_key: "error.sync.unreachable",
    params: {},
    at: "2026-11-02T10:05:00Z",
  };
  const revoked = {
    message_key: "error.sync.token_revoked",
    params: {},
    at: "2026-11-02T10:05:00Z",
  };
  expect(syncStateOf({ ...SYNCED, enrolled: false }).kind).toBe("off");
  expect(syncStateOf(SYNCED)).toEqual({ kind: "synced", at: SYNCED.last_success });
  expect(syncStateOf({ ...SYNCED, pending: 4 })).toEqual({ kind: "waiting", count: 4 });
  expect(
    syncStateOf({
      ...SYNCED,
      pending: 4,
      last_error: unreachable,
      failing_since: "2026-11-02T10:00:00Z",
    }),
  ).toEqual({ kind: "offline", since: "2026-11-02T10:00:00Z", count: 4 });
  expect(syncStateOf({ ...SYNCED, pending: 4, last_error: revoked }).kind).toBe("error");
});

test("the shell shows changes waiting in Chinese and opens the Team sync page", async () => {
  await speak("zh-CN");
  const indicator = await show({ ...SYNCED, pending: 3 });
  expect(indicator?.textContent).toBe("3 项更改待发送");
  expect(indicator?.getAttribute("href")).toBe("/settings/team-sync");
  expect(indicator?.getAttribute("aria-label")).toBe("团队同步：3 项更改待发送");
});

test("an error is said in plain words, with the reason for screen readers", async () => {
  const indicator = await show({
    ...SYNCED,
    last_error: { message_key: "error.sync.token_revoked", params: {}, at: "2026-11-02T10:05:00Z" },
  });
  expect(indicator?.getAttribute("data-state")).toBe("error");
  expect(indicator?.textContent).toBe("Sync failed");
  expect(indicator?.getAttribute("aria-label")).toContain("revoked this desk's access");
});

test("a desk on its own shows no indicator", async () => {
  const indicator = await show({ ...SYNCED, enrolled: false });
  expect(indicator).toBeUndefined();
});
