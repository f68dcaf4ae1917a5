import { Text, type TextProps } from "@mantine/core";
import type { ReactNode } from "react";

/** A quiet line of small grey text: "nothing in this period", a hint under a figure. */
export function Note({ children, ...text }: TextProps & { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm" {...text}>
      {children}
    </Text>
  );
}
