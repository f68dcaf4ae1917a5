import { createTheme, Drawer, MantineProvider, Modal } from "@mantine/core";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";

/**
 * The app's Mantine theme in the reader's language: every dialog's close button (an icon alone)
 * is named, so a screen reader says "Close" rather than "button".
 */
export function useAppTheme() {
  const { t } = useTranslation();
  const close = t("common.close");
  return useMemo(
    () =>
      createTheme({
        primaryColor: "teal",
        defaultRadius: "md",
        fontFamily:
          "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
        components: {
          Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": close } } }),
          Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { "aria-label": close } } }),
        },
      }),
    [close],
  );
}

/** Mantine with the app's theme; the app and the tests render through it. */
export function AppMantine({ children }: { children: ReactNode }) {
  const theme = useAppTheme();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
