import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { SessionContext } from "../app/session";
import { AppMantine } from "../app/theme";
import type { Session } from "../backend/bindings/Session";

/** Renders `ui` the way the app shell provides for it, into a fresh element in the document. */
export async function mount(
  ui: ReactNode,
  { client = new QueryClient(), session }: { client?: QueryClient; session?: Session } = {},
): Promise<HTMLElement> {
  const withSession = session ? (
    <SessionContext.Provider value={{ session, setSession: () => {} }}>
      {ui}
    </SessionContext.Provider>
  ) : (
    ui
  );
  const { host } = await renderRoot(
    <AppMantine>
      <QueryClientProvider client={client}>{withSession}</QueryClientProvider>
    </AppMantine>,
  );
  return host;
}

/** Renders `ui` as it is into a fresh element in the document; the root, to unmount it. */
export async function renderRoot(ui: ReactNode): Promise<{ host: HTMLElement; root: Root }> {
  const host = document.createElement("div");
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(ui));
  return { host, root };
}

/** Lets queries answer and the renders they cause finish. */
export async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
}
