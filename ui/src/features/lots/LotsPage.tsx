import { Stack } from "@mantine/core";
import { IconBoxMultiple, IconListNumbers, IconLock, IconPackages } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { ModalButton } from "../../components/ModalButton";
import { PageTabs } from "../../components/PageTabs";
import { PageHeader } from "../../components/page/PageHeader";
import { pageTab, type Tabbed } from "../../components/pageTab";
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
}: Tabbed<LotsTab> & { initial: LotFilters; onFilters: (filters: LotFilters) => void }) {
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
          pageTab(
            t,
            "lots",
            "lots",
            IconPackages,
            <LotsList initial={initial} onFilters={onFilters} />,
          ),
          pageTab(t, "lots", "holds", IconLock, <HoldsTable />),
          pageTab(t, "lots", "pick", IconListNumbers, <PickPanel />),
        ]}
      />
    </Stack>
  );
}
