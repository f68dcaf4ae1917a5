import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "../i18n";
import { AppMantine } from "../app/theme";
import { withElementSize } from "../testing/layout";
import { type Column, track, VirtualTable } from "./VirtualTable";

withElementSize(400);

type Row = { no: string };
const rows: Row[] = ["QF-1", "QF-2", "QF-3", "QF-4"].map((no) => ({ no }));
const columns: Column<Row>[] = [{ id: "no", header: "No", accessorKey: "no" }];

/** The list of `list` after a focusable button; a row's click is told to `onRowClick`. */
function renderList(list: Row[], onRowClick?: (row: Row) => void) {
  render(
    <AppMantine>
      <button type="button">before</button>
      <VirtualTable
        label="Failures"
        rows={list}
        total={list.length}
        columns={columns}
        empty="none"
        onRowClick={onRowClick}
        rowProps={(row) => ({ "data-testid": "row", "data-no": row.no })}
      />
    </AppMantine>,
  );
}

const focusedNo = () => document.activeElement?.getAttribute("data-no");

describe("a list with the keyboard", () => {
  it("is one Tab stop; Enter opens the focused row and arrows move between rows", async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    renderList(rows, (row) => opened.push(row.no));
    expect(screen.getByRole("grid", { name: "Failures" })).toBeTruthy();

    await user.click(screen.getByText("before"));
    await user.tab();
    expect(focusedNo()).toBe("QF-1");
    await user.keyboard("{Enter}");
    expect(opened).toEqual(["QF-1"]);

    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(focusedNo()).toBe("QF-3");
    await user.keyboard("{ArrowUp}");
    expect(focusedNo()).toBe("QF-2");
    await user.keyboard("{End}");
    expect(focusedNo()).toBe("QF-4");
    await user.keyboard("{ArrowDown}");
    expect(focusedNo()).toBe("QF-4");
    await user.keyboard("{Home}{Enter}");
    expect(opened).toEqual(["QF-1", "QF-1"]);
    await user.keyboard("{ArrowDown}{Enter}");
    expect(opened).toEqual(["QF-1", "QF-1", "QF-2"]);

    // Only the row last focused takes Tab: leaving and coming back lands on it, not the first.
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe("before");
    await user.tab();
    expect(focusedNo()).toBe("QF-2");
    const tabStops = screen.getAllByTestId("row").filter((r) => r.tabIndex === 0);
    expect(tabStops).toHaveLength(1);
  });
});

describe("a long list while scrolling", () => {
  it("shows the rows scrolled in with the elements of the rows scrolled out, not new ones", async () => {
    const many: Row[] = Array.from({ length: 500 }, (_, i) => ({ no: `QF-${i + 1}` }));
    renderList(many);
    const scroller = screen.getByRole("grid").children[1] as HTMLElement;
    const shown = () => screen.getAllByTestId("row");
    const scrollTo = async (row: number) => {
      scroller.scrollTop = row * 40;
      fireEvent.scroll(scroller);
      await waitFor(() => expect(shown().some((r) => r.dataset.no === `QF-${row + 1}`)).toBe(true));
    };
    await scrollTo(100);
    const before = shown();
    await scrollTo(105);
    const after = shown();

    // Five rows left at the top and five came in at the bottom, drawn by the same elements.
    expect(after).toHaveLength(before.length);
    expect(new Set(after)).toEqual(new Set(before));
    const numbers = after.map((r) => Number(r.dataset.no?.slice(3))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, k) => (numbers[0] ?? 0) + k));
    expect(numbers).toContain(106);
    for (const row of after) expect(row.textContent).toBe(row.dataset.no);
  });
});

describe("a column's track", () => {
  it("grows a fixed width and the minimum of a flexible one, always as valid CSS", () => {
    expect(track("95px", undefined)).toBe("95px");
    expect(track("95px", 120)).toBe("minmax(120px, 95px)");
    expect(track("minmax(100px, 1fr)", 180)).toBe("minmax(180px, 1fr)");
    expect(track("minmax(120px, 2fr)", 80)).toBe("minmax(120px, 2fr)");
    // A minmax inside a minmax is not CSS: the browser would keep the old template.
    expect(track("minmax(100px, 1fr)", 180)).not.toMatch(/minmax\([^)]*minmax/);
  });
});
