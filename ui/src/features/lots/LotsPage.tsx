import { Button, Group, Stack, Tabs, Title } from "@mantine/core";
import { IconBoxMultiple, IconListNumbers, IconLock, IconPackages } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
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
  const [assembling, setAssembling] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} data-testid="page-title">
          {t("lots.title")}
        </Title>
        {mayDo("move", session.user.roles) && (
          <Button
            variant="default"
            leftSection={<IconBoxMultiple size={16} />}
            onClick={() => setAssembling(true)}
            data-testid="lots-assemble-kit"
          >
            {t("lots.kit.button")}
          </Button>
        )}
      </Group>
      {assembling && <AssembleKitModal onClose={() => setAssembling(false)} />}
      <Tabs
        value={tab}
        onChange={(v) => onTab(v === "holds" || v === "pick" ? v : "lots")}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab
            value="lots"
            leftSection={<IconPackages size={14} />}
            data-testid="lots-tab-lots"
          >
            {t("lots.tab.lots")}
          </Tabs.Tab>
          <Tabs.Tab value="holds" leftSection={<IconLock size={14} />} data-testid="lots-tab-holds">
            {t("lots.tab.holds")}
          </Tabs.Tab>
          <Tabs.Tab
            value="pick"
            leftSection={<IconListNumbers size={14} />}
            data-testid="lots-tab-pick"
          >
            {t("lots.tab.pick")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lots">
          <LotsList initial={initial} onFilters={onFilters} />
        </Tabs.Panel>
        <Tabs.Panel value="holds">
          <HoldsTable />
        </Tabs.Panel>
        <Tabs.Panel value="pick">
          <PickPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
