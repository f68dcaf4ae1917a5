import { AppShell, Badge, Group, NavLink, ScrollArea, Text, Title } from "@mantine/core";
import {
  type Icon,
  IconAlertOctagon,
  IconAlertTriangle,
  IconAssembly,
  IconBell,
  IconBuildingFactory2,
  IconBuildingWarehouse,
  IconCalendarTime,
  IconCategory,
  IconChartBar,
  IconCloudComputing,
  IconCoin,
  IconDatabaseExport,
  IconFileAlert,
  IconGitMerge,
  IconLayoutDashboard,
  IconMessageReport,
  IconPackage,
  IconReceiptRefund,
  IconRoute,
  IconSettingsCog,
  IconShieldCheck,
  IconShoppingCart,
  IconTool,
  IconTruckDelivery,
  IconUserCircle,
  IconUsers,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../app/session";
import { call } from "../../backend/call";
import i18n from "../../i18n";
import { OPEN_COUNT } from "../conflicts/queries";
import { NotificationBell } from "../notifications/NotificationBell";
import { GlobalSearch } from "./GlobalSearch";
import { SiteTimeBanner } from "./SiteTimeBanner";
import { SyncIndicator } from "./SyncIndicator";
import { UserMenu } from "./UserMenu";

/**
 * A link in the side bar: where it goes, its name (the `nav.` text, and the `nav-` test id with
 * dashes), its icon, the permission it needs, if any, and whether it stays lit on the pages of
 * its records.
 */
type Item = {
  to: string;
  name: string;
  Icon: Icon;
  needs?: string;
  records?: boolean;
  count?: number;
};

const WORK: Item[] = [
  { to: "/dashboard", name: "dashboard", Icon: IconLayoutDashboard },
  { to: "/failures", name: "failures", Icon: IconAlertTriangle },
  { to: "/reshipments", name: "reshipments", Icon: IconTruckDelivery },
  { to: "/returns", name: "returns", Icon: IconReceiptRefund },
  { to: "/returns/refurbishment", name: "refurbishment", Icon: IconTool },
  { to: "/lots", name: "lots", Icon: IconRoute, records: true },
  { to: "/recalls", name: "recalls", Icon: IconAlertOctagon, records: true },
  { to: "/work-orders", name: "work_orders", Icon: IconAssembly, records: true },
  { to: "/complaints", name: "complaints", Icon: IconMessageReport, records: true },
  { to: "/scars", name: "scars", Icon: IconFileAlert, records: true },
  { to: "/chargebacks", name: "chargebacks", Icon: IconCoin },
  { to: "/reports", name: "reports", Icon: IconChartBar },
];

const CONFLICTS: Item = { to: "/conflicts", name: "conflicts", Icon: IconGitMerge };

const MASTER: Item[] = [
  { to: "/products", name: "products", Icon: IconPackage },
  { to: "/vendors", name: "vendors", Icon: IconBuildingFactory2 },
  { to: "/customers", name: "customers", Icon: IconUserCircle },
  { to: "/orders", name: "orders", Icon: IconShoppingCart },
];

const SETTINGS: Item[] = [
  { to: "/settings/users", name: "users", Icon: IconUsers, needs: "manage_users" },
  {
    to: "/settings/approval-limits",
    name: "approval_limits",
    Icon: IconShieldCheck,
    needs: "configure_approvals",
  },
  { to: "/settings/backups", name: "backups", Icon: IconDatabaseExport, needs: "maintain_log" },
  {
    to: "/settings/returns-policy",
    name: "returns_policy",
    Icon: IconSettingsCog,
    needs: "configure_returns",
  },
  { to: "/settings/locations", name: "locations", Icon: IconBuildingWarehouse },
  { to: "/settings/time", name: "site_time", Icon: IconCalendarTime },
  { to: "/settings/categories", name: "categories", Icon: IconCategory },
  { to: "/settings/notifications", name: "notification_settings", Icon: IconBell },
  { to: "/settings/team-sync", name: "team_sync", Icon: IconCloudComputing },
];

export function Shell() {
  const { t } = useTranslation();
  const { session } = useSession();
  const path = useRouterState({ select: (s) => s.location.pathname });
  useEffect(() => {
    if (i18n.language !== session.user.language) void i18n.changeLanguage(session.user.language);
  }, [session.user.language]);
  // Only those who may resolve conflicts are counted for; the inbox itself is open to everyone.
  const resolves = may(session, "resolve_conflicts") || may(session, "resolve_stock_conflicts");
  const open = useQuery({
    queryKey: OPEN_COUNT,
    queryFn: () => call("count_open_conflicts", {}),
    enabled: resolves,
  });

  const work = [...WORK, { ...CONFLICTS, count: open.data?.total ?? 0 }];
  const settings = SETTINGS.filter((item) => !item.needs || may(session, item.needs));
  const link = (item: Item) => {
    const testId = `nav-${item.name.replaceAll("_", "-")}`;
    return (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={t(`nav.${item.name}`)}
        // A long Dutch or German word ("Goedkeuringslimieten") breaks, hyphenated where the
        // page's language allows, rather than being cut off.
        styles={{ label: { whiteSpace: "normal", overflowWrap: "anywhere", hyphens: "auto" } }}
        leftSection={<item.Icon size={18} />}
        rightSection={
          item.count ? (
            <Badge
              size="sm"
              color="orange"
              circle={item.count < 10}
              data-testid={`${testId}-count`}
            >
              {item.count}
            </Badge>
          ) : undefined
        }
        active={
          path === item.to ||
          (item.to === "/failures" && (path === "/" || path.startsWith("/failures"))) ||
          (item.to === "/returns" &&
            path.startsWith("/returns/") &&
            path !== "/returns/refurbishment") ||
          (item.records && path.startsWith(`${item.to}/`))
        }
        data-testid={testId}
      />
    );
  };
  const section = (key: string) => (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
      {t(key)}
    </Text>
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 212, breakpoint: 0 }} padding="lg">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={3} c="teal.8">
              Lotline
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="md">
              {session.settings.company_name} · {session.settings.site_code}
            </Text>
          </Group>
          <GlobalSearch />
          <Group gap="sm" wrap="nowrap">
            <SyncIndicator />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {section("nav.section_work")}
          {work.map(link)}
          {section("nav.section_master")}
          {MASTER.map(link)}
          {section("nav.section_settings")}
          {settings.map(link)}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <SiteTimeBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
