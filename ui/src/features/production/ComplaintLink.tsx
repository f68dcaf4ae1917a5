import { ActionIcon, Tooltip } from "@mantine/core";
import { IconMessageReport } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ComplaintLinks } from "./OpenComplaintModal";

/** Opens the complaints of a customer or order, with a new complaint for it ready to fill. */
export function ComplaintLink({ links, testId }: { links: ComplaintLinks; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t("complaints.open.button")}>
      <ActionIcon
        variant="subtle"
        size="sm"
        aria-label={t("complaints.open.button")}
        // The row opens its record on click; this opens the complaints instead.
        onClick={(e) => e.stopPropagation()}
        renderRoot={(props) => <Link {...props} to="/complaints" search={links} />}
        data-testid={testId}
      >
        <IconMessageReport size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
