import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ScarStatus } from "../../backend/bindings/ScarStatus";
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
      <Badge
        color={SCAR_STATUS_COLOR[status]}
        variant={status === "closed" ? "light" : "filled"}
        data-testid={testId}
        data-status={status}
      >
        {t(`scars.status.${status}`)}
      </Badge>
      {overdue && (
        <Badge color="red" variant="outline" data-testid={testId ? `${testId}-overdue` : undefined}>
          {t("scars.overdue")}
        </Badge>
      )}
    </Group>
  );
}
