import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A page's title (the e2e flows find it as `page-title`), what the page is about under it,
 * and the page's actions on the right.
 */
export function PageHeader({
  title,
  subtitle,
  subtitleTestId,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  subtitleTestId?: string;
  /** The page's actions. */
  children?: ReactNode;
}) {
  const heading = (
    <Title order={2} data-testid="page-title">
      {title}
    </Title>
  );
  const block =
    subtitle === undefined ? (
      heading
    ) : (
      <div>
        {heading}
        <Text c="dimmed" size="sm" data-testid={subtitleTestId}>
          {subtitle}
        </Text>
      </div>
    );
  if (children === undefined) return block;
  return (
    <Group justify="space-between">
      {block}
      {children}
    </Group>
  );
}

/**
 * A record's page heading: what it is and its number (`numberTestId`), its badges under it,
 * and the steps it offers on the right.
 */
export function DetailHeader({
  title,
  number,
  numberTestId,
  badges,
  children,
}: {
  title: string;
  number: string;
  numberTestId: string;
  badges: ReactNode;
  /** The record's actions. */
  children: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={4}>
        <Title order={2} data-testid="page-title">
          {title}{" "}
          <Text span inherit c="dimmed" data-testid={numberTestId}>
            {number}
          </Text>
        </Title>
        <Group gap="xs">{badges}</Group>
      </Stack>
      {children}
    </Group>
  );
}
