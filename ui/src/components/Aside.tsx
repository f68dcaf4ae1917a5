import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A small dimmed note after what it explains, a space before it; nothing when it is empty. */
export function Aside({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === "") {
    return null;
  }
  return (
    <Text span size="xs" c="dimmed">
      {" "}
      {children}
    </Text>
  );
}

/** A record's name with its code dimmed after it, or the code alone when it has no name. */
export function NameWithCode({ name, code }: { name: string | null; code: string }) {
  return (
    <>
      {name ?? code}
      <Aside>{name && code}</Aside>
    </>
  );
}
