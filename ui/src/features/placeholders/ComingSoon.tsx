import { Center, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconChartBar, IconReceiptRefund, IconTruckDelivery } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

const ICONS: Record<string, React.ReactNode> = {
  reshipments: <IconTruckDelivery size={32} />,
  returns: <IconReceiptRefund size={32} />,
  reports: <IconChartBar size={32} />,
};

/** A section that is planned but not in this version says what it will do, instead of a blank page. */
export function ComingSoon({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2} data-testid="page-title">
        {t(`nav.${section}`)}
      </Title>
      <Center mt="xl">
        <Paper withBorder radius="md" p="xl" maw={560} data-testid="coming-soon">
          <Stack align="center" gap="sm">
            <ThemeIcon size={64} radius="xl" variant="light">
              {ICONS[section]}
            </ThemeIcon>
            <Text fw={600} size="lg" ta="center">
              {t("coming_soon.title")}
            </Text>
            <Text ta="center" c="dimmed">
              {t(`coming_soon.${section}`)}
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Stack>
  );
}
