import { Stack } from "@mantine/core";
import { IconBoxMultiple, IconListNumbers, IconLock, IconPackages } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { ModalButton } from "../../components/ModalButton";
import { PageTabs } from "../../components/PageTabs";
import { PageHeader } from "../../components/page/PageHeader";
import { AssembleKitModal } from "./AssembleKitModal";
import type { LotFilters, LotsTab } from "./filters";
import { HoldsTable } from "./HoldsTable";
import { LotsList } from "./LotsList";
import { PickPanel } from "./PickPanel";
import { mayDo } from "./permissions";

/** Lots & traceability: every lot received, and the holds in force. */
export function LotsPage({
  initial,
  tab,
  onFilters,
  onTab,
}: {
  initial: LotFilters;
  tab: LotsTab;
  onFilters: (filters: LotFilters) => void;
  onTab: (tab: LotsTab) => void;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <Stack gap="md">
      <PageHeader title={t("lots.title")}>
        {mayDo("move", session.permissions) && (
          <ModalButton
            label={t("lots.kit.button")}
            icon={<IconBoxMultiple size={16} />}
            testId="lots-assemble-kit"
          >
            {(close) => <AssembleKitModal onClose={close} />}
          </ModalButton>
        )}
      </PageHeader>
      <PageTabs
        value={tab}
        onChange={onTab}
        tabs={[
          {
            value: "lots",
            label: t("lots.tab.lots"),
            icon: <IconPackages size={14} />,
            testId: "lots-tab-lots",
            panel: <LotsList initial={initial} onFilters={onFilters} />,
          },
          {
            value: "holds",
            label: t("lots.tab.holds"),
            icon: <IconLock size={14} />,
            testId: "lots-tab-holds",
            panel: <HoldsTable />,
          },
          {
            value: "pick",
            label: t("lots.tab.pick"),
            icon: <IconListNumbers size={14} />,
            testId: "lots-tab-pick",
            panel: <PickPanel />,
          },
        ]}
      />
    </Stack>
  );
}
