import { createTheme, Drawer, MantineProvider, Modal } from "@mantine/core";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";

/**
 * Chinese text falls back to the system's own CJK font: Microsoft YaHei on Windows, PingFang SC
 * on macOS, Noto Sans CJK SC (Source Han Sans) on Linux. Latin fonts come first so that digits
 * and codes keep their look; the browser takes each Chinese glyph from the first font that has it.
 */
const CJK_FALLBACK = [
  "'Microsoft YaHei'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Noto Sans CJK SC'",
  "'Noto Sans SC'",
  "'Source Han Sans SC'",
  "'WenQuanYi Micro Hei'",
];

/** Body text and headings: the system's UI font, then the CJK fallback. */
export const FONT_STACK = [
  "system-ui",
  "-apple-system",
  "'Segoe UI'",
  "Roboto",
  "'Noto Sans'",
  ...CJK_FALLBACK,
  "sans-serif",
].join(", ");

/** Codes and numbers in monospace; a Chinese name in such a cell still finds a CJK font. */
export const MONOSPACE_STACK = [
  "ui-monospace",
  "SFMono-Regular",
  "Menlo",
  "Consolas",
  "'DejaVu Sans Mono'",
  "'Liberation Mono'",
  ...CJK_FALLBACK,
  "monospace",
].join(", ");

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
        fontFamily: FONT_STACK,
        fontFamilyMonospace: MONOSPACE_STACK,
        // Mantine's headings keep their own Latin-only stack unless told.
        headings: { fontFamily: FONT_STACK },
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
