import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import "../i18n";
import { AppMantine } from "../app/theme";
import { withElementSize } from "../testing/layout";
import { type Page, pagesFor, usePagedRows } from "./pagedRows";
import { type Column, VirtualTable } from "./VirtualTable";

withElementSize(400);

type Row = { no: string };
const TOTAL = 100_000;
const columns: Column<Row>[] = [{ id: "no", header: "No", accessorKey: "no" }];

/** A backend of 100,000 rows (or `total`) that records which offsets were asked for. */
function backend(total = TOTAL) {
  const asked: number[] = [];
  const fetchPage = async (offset: number, limit: number): Promise<Page<Row>> => {
    asked.push(offset);
    const end = Math.min(total, offset + limit);
    const rows = Array.from({ length: Math.max(0, end - offset) }, (_, i) => ({
      no: `QF-${offset + i + 1}`,
    }));
    return { rows, total };
  };
  return { asked, fetchPage };
}

type Fetch = (offset: number, limit: number, filter: string) => Promise<Page<Row>>;

function List({ fetchPage, filter }: { fetchPage: Fetch; filter: string }) {
  const paged = usePagedRows({
    queryKey: ["rows", filter],
    fetchPage: (o, l) => fetchPage(o, l, filter),
  });
  return (
    <>
      <span data-testid="total">{paged.total}</span>
      <VirtualTable
        label="Failures"
        paged={paged}
        columns={columns}
        empty="none"
        rowProps={(row) => ({ "data-testid": "row", "data-no": row.no })}
      />
    </>
  );
}

function mount(fetchPage: Fetch) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const tree = (filter: string) => (
    <QueryClientProvider client={client}>
      <AppMantine>
        <List fetchPage={fetchPage} filter={filter} />
      </AppMantine>
    </QueryClientProvider>
  );
  const { rerender } = render(tree(""));
  return { client, setFilter: (filter: string) => rerender(tree(filter)) };
}

const shownNos = () => screen.queryAllByTestId("row").map((r) => r.getAttribute("data-no"));
const scroller = () => screen.getByRole("grid").lastElementChild as HTMLElement;

describe("a paged list of 100,000 rows", () => {
  it("spans the whole result and fetches only the pages around the rows in view", async () => {
    const { asked, fetchPage } = backend();
    const { client } = mount(fetchPage);
    await waitFor(() => expect(shownNos()[0]).toBe("QF-1"));
    // The scrollbar covers all 100,000 rows (40 px each), not the first page.
    const spacer = scroller().firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe(`${TOTAL * 40}px`);
    expect(screen.getByRole("grid").getAttribute("aria-rowcount")).toBe(String(TOTAL + 1));
    expect(asked).toEqual([0]);

    // Jump to row 50,000: its page is fetched, not the 249 pages before it.
    act(() => {
      scroller().scrollTop = 50_000 * 40;
      fireEvent.scroll(scroller());
    });
    await waitFor(() => expect(shownNos()).toContain("QF-50001"));
    expect(asked.length).toBeLessThanOrEqual(3);
    expect(asked).toContain(49_800);

    // The first page left the window: nothing observes it, and the cache lets it go.
    const held = () =>
      client
        .getQueryCache()
        .findAll({ queryKey: ["rows"] })
        .filter((q) => q.getObserversCount() > 0)
        .map((q) => (q.queryKey[2] as { page: number }).page);
    expect(held()).not.toContain(0);
    expect(held().every((page) => Math.abs(page - 250) <= 1)).toBe(true);
  });

  it("keeps the previous rows until a new filter's first page arrives", async () => {
    const { fetchPage } = backend();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { setFilter } = mount(async (offset, limit, filter) => {
      if (filter === "") return fetchPage(offset, limit);
      await gate;
      return { rows: [{ no: "QF-7" }], total: 1 };
    });
    await waitFor(() => expect(shownNos()[0]).toBe("QF-1"));
    setFilter("scratch");
    // Not a flash of "0 rows": the old rows and total stay while the new page is on its way.
    expect(screen.getByTestId("total").textContent).toBe(String(TOTAL));
    expect(shownNos()[0]).toBe("QF-1");
    act(() => release());
    await waitFor(() => expect(shownNos()).toEqual(["QF-7"]));
    expect(screen.getByTestId("total").textContent).toBe("1");
  });

  it("shows an empty result as empty", async () => {
    const { fetchPage } = backend(0);
    mount(fetchPage);
    await waitFor(() => expect(screen.getByText("none")).toBeTruthy());
    expect(screen.getByTestId("total").textContent).toBe("0");
  });
});

describe("pagesFor", () => {
  it("fetches half a page ahead either side and never past the last page", () => {
    expect(pagesFor(0, 20, 200)).toEqual({ from: 0, to: 0 });
    expect(pagesFor(150, 170, 200)).toEqual({ from: 0, to: 1 });
    expect(pagesFor(50_000, 50_020, 200, TOTAL)).toEqual({ from: 249, to: 250 });
    expect(pagesFor(99_990, 99_999, 200, TOTAL)).toEqual({ from: 499, to: 499 });
  });
});
