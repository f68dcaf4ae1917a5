import { createRoute } from "@tanstack/react-router";
import { act } from "react";
import "../../i18n";
import type { ConflictView } from "../../backend/bindings/ConflictView";
import type { RefusedActView } from "../../backend/bindings/RefusedActView";
import i18n from "../../i18n";
import { settle } from "../../testing/mount";
import { byTestId, mountAt, testText } from "../../testing/route";
import { sessionAs } from "../../testing/session";
import { ConflictsPage } from "./ConflictsPage";

const SHIPPED_TWICE: ConflictView = {
  conflict_key: "stock_below_zero/L-1",
  kind: "stock_below_zero",
  subject: "L-1",
  opened_at: "2026-11-02T10:00:00.000Z",
  events: [
    {
      event_id: "e-1",
      kind: "lots_shipped",
      number: "L-1",
      username: "ann",
      at: "2026-11-02T09:00:00.000Z",
      desk_id: "desk-aaaaaaaa-1",
      desk_code: "AMS1A",
      this_desk: true,
      changes: [{ field: "qty", before: null, after: "10" }],
      note: null,
    },
    {
      event_id: "e-2",
      kind: "lots_shipped",
      number: "L-1",
      username: "bob",
      at: "2026-11-02T09:05:00.000Z",
      desk_id: "desk-bbbbbbbb-2",
      desk_code: null,
      this_desk: false,
      changes: [{ field: "qty", before: null, after: "10" }],
      note: null,
    },
  ],
  ways_out: [
    { resolution: "recount_later", needs_note: true },
    { resolution: "write_off_difference", needs_note: true },
  ],
  may_resolve: true,
  resolution: null,
};

const RESOLVED: ConflictView = {
  ...SHIPPED_TWICE,
  // Desk B's code reached this desk with a pull: it is named by it.
  events: SHIPPED_TWICE.events.map((e) => (e.this_desk ? e : { ...e, desk_code: "AMS1B" })),
  conflict_key: "recall_scope_grew/RC-AMS1-000001",
  kind: "recall_scope_grew",
  subject: "RC-AMS1-000001",
  ways_out: [{ resolution: "acknowledge", needs_note: false }],
  may_resolve: false,
  resolution: {
    resolution: "acknowledge",
    resolved_at: "2026-11-02T11:00:00.000Z",
    resolved_by: "quinn",
    note: "Seen",
  },
};

const REFUSED: RefusedActView = {
  act_id: "act-1",
  kind: "rma_opened",
  number: "RMA-AMS1A-000042",
  actor_name: "Ann",
  reason_key: "error.sync.already_claimed",
  params: { kind: "rma", number: "RMA-AMS1A-000042" },
  occurred_at: "2026-11-02T09:30:00.000Z",
  refused_at: "2026-11-02T09:32:00.000Z",
  dismissed_at: null,
};

const calls: { act: string; input: unknown }[] = [];
let refused: RefusedActView[] = [];

vi.mock("../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    if (act === "list_conflicts") return [RESOLVED, SHIPPED_TWICE];
    if (act === "list_refused_acts") return refused;
    if (act === "resolve_conflict") return { ...SHIPPED_TWICE, may_resolve: false };
    if (act === "dismiss_refused_act") {
      refused = refused.map((r) => ({ ...r, dismissed_at: "2026-11-02T12:00:00.000Z" }));
      return { conflicts: 1, refused_acts: 0, total: 1 };
    }
    throw new Error(`unexpected ${act}`);
  },
}));

beforeEach(async () => {
  calls.length = 0;
  refused = [REFUSED];
  document.body.innerHTML = "";
  await i18n.changeLanguage("en");
});

function render() {
  return mountAt(
    "/conflicts",
    (root) =>
      createRoute({ getParentRoute: () => root, path: "/conflicts", component: ConflictsPage }),
    sessionAs(["quality_lead"]),
  );
}

const click = async (el: HTMLElement | undefined) => {
  await act(async () => el?.click());
  await settle();
};

describe("ConflictsPage", () => {
  it("shows an open conflict first, with both sides, its subject linked and its ways out", async () => {
    await render();
    const cards = byTestId("conflict-card");
    expect([...cards].map((c) => c.dataset.state)).toEqual(["open", "resolved"]);
    const open = cards[0] as HTMLElement;
    expect(open.textContent).toContain("Stock taken below zero");
    const subject = open.querySelector<HTMLAnchorElement>('[data-testid="conflict-subject"]');
    expect(subject?.getAttribute("href")).toBe("/lots/L-1");
    const rows = open.querySelectorAll('[data-testid="conflict-event"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain("ann");
    expect(rows[0]?.textContent).toContain("This desk AMS1A");
    expect(rows[1]?.textContent).toContain("bob");
    expect(rows[1]?.textContent).toContain("Another desk (desk-bbb)");
    const named = (cards[1] as HTMLElement).querySelectorAll('[data-testid="conflict-desk"]');
    expect([...named].map((cell) => cell.textContent)).toEqual(["This desk AMS1A", "Desk AMS1B"]);
    expect(open.querySelector('[data-testid="way-write_off_difference"]')?.textContent).toBe(
      "Write off the difference",
    );
    expect(testText("conflict-resolution")).toContain("Acknowledge, by quinn");
  });

  it("asks for the note and resolves through the act", async () => {
    await render();
    await click(byTestId("way-recount_later")[0]);
    const note = document.querySelector<HTMLTextAreaElement>('[data-testid="resolve-note"]');
    expect(note?.required).toBe(true);
    await act(async () => {
      if (!note) return;
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
      setter?.call(note, "Count on Monday");
      note.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await click(byTestId("resolve-save")[0]);
    expect(calls.find((c) => c.act === "resolve_conflict")?.input).toEqual({
      conflict_key: "stock_below_zero/L-1",
      resolution: "recount_later",
      note: "Count on Monday",
    });
  });

  it("lists a refused act with its reason, a link to do it again, and dismisses it", async () => {
    await render();
    expect(byTestId("refused-card")).toHaveLength(1);
    expect(testText("refused-card-reason")).not.toContain("error.sync");
    expect(byTestId("refused-redo")[0]?.getAttribute("href")).toBe("/returns/new");
    await click(byTestId("refused-dismiss")[0]);
    expect(calls.find((c) => c.act === "dismiss_refused_act")?.input).toEqual({ act_id: "act-1" });
    expect(byTestId("refused-card")).toHaveLength(0);
  });
});
