import { ActionIcon, Code, CopyButton, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

function Copyable({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code style={{ wordBreak: "break-all" }} data-testid={testId}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t("lots.detail.copied") : t("lots.detail.copy")}>
              <ActionIcon
                variant="subtle"
                color={copied ? "teal" : "gray"}
                onClick={copy}
                aria-label={t("lots.detail.copy")}
                data-testid={`${testId}-copy`}
              >
                {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** The lot's GS1 identifiers, to check a label or paste into a scanner test. */
export function Gs1Codes({
  elementString,
  digitalLink,
}: {
  elementString: string | null;
  digitalLink: string | null;
}) {
  const { t } = useTranslation();
  if (!elementString && !digitalLink) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        {elementString && (
          <Copyable
            label={t("lots.detail.gs1_element_string")}
            value={elementString}
            testId="lot-gs1"
          />
        )}
        {digitalLink && (
          <Copyable
            label={t("lots.detail.digital_link")}
            value={digitalLink}
            testId="lot-digital-link"
          />
        )}
      </Stack>
    </Paper>
  );
}
