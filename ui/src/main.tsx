import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";
import "./i18n";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Boot } from "./app/Boot";
import { installDialogFocus } from "./app/dialogFocus";
import { AppMantine } from "./app/theme";

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

installDialogFocus(document);

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppMantine>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <Boot />
        </QueryClientProvider>
      </AppMantine>
    </StrictMode>,
  );
}
