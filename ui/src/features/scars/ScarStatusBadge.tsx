import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ScarStatus } from "../../backend/bindings/ScarStatus";
import { StateBadge } from "../../components/StatusBadge";
import { SCAR_STATUS_COLOR } from "./scar";

export function ScarStatusBadge({
  status,
  overdue,
  testId,
}: {
  status: ScarStatus;
  overdue?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <StateBadge
        status={status}
        colors={SCAR_STATUS_COLOR}
        prefix="scars.status"
        done="closed"
        testId={testId}
      />
      {overdue && (
        <Badge color="red" variant="outline" data-testid={testId ? `${testId}-overdue` : undefined}>
          {t("scars.overdue")}
        </Badge>
      )}
    </Group>
  );
}
