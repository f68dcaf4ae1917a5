import { AppShell, Badge, Group, NavLink, ScrollArea, Text, Title } from "@mantine/core";
import {
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

type Item = { to: string; key: string; icon: React.ReactNode; testId: string; count?: number };

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

  const work: Item[] = [
    {
      to: "/dashboard",
      key: "nav.dashboard",
      icon: <IconLayoutDashboard size={18} />,
      testId: "nav-dashboard",
    },
    {
      to: "/failures",
      key: "nav.failures",
      icon: <IconAlertTriangle size={18} />,
      testId: "nav-failures",
    },
    {
      to: "/reshipments",
      key: "nav.reshipments",
      icon: <IconTruckDelivery size={18} />,
      testId: "nav-reshipments",
    },
    {
      to: "/returns",
      key: "nav.returns",
      icon: <IconReceiptRefund size={18} />,
      testId: "nav-returns",
    },
    {
      to: "/returns/refurbishment",
      key: "nav.refurbishment",
      icon: <IconTool size={18} />,
      testId: "nav-refurbishment",
    },
    { to: "/lots", key: "nav.lots", icon: <IconRoute size={18} />, testId: "nav-lots" },
    {
      to: "/recalls",
      key: "nav.recalls",
      icon: <IconAlertOctagon size={18} />,
      testId: "nav-recalls",
    },
    {
      to: "/work-orders",
      key: "nav.work_orders",
      icon: <IconAssembly size={18} />,
      testId: "nav-work-orders",
    },
    {
      to: "/complaints",
      key: "nav.complaints",
      icon: <IconMessageReport size={18} />,
      testId: "nav-complaints",
    },
    {
      to: "/scars",
      key: "nav.scars",
      icon: <IconFileAlert size={18} />,
      testId: "nav-scars",
    },
    {
      to: "/chargebacks",
      key: "nav.chargebacks",
      icon: <IconCoin size={18} />,
      testId: "nav-chargebacks",
    },
    { to: "/reports", key: "nav.reports", icon: <IconChartBar size={18} />, testId: "nav-reports" },
    {
      to: "/conflicts",
      key: "nav.conflicts",
      icon: <IconGitMerge size={18} />,
      testId: "nav-conflicts",
      count: open.data?.total ?? 0,
    },
  ];
  const master: Item[] = [
    {
      to: "/products",
      key: "nav.products",
      icon: <IconPackage size={18} />,
      testId: "nav-products",
    },
    {
      to: "/vendors",
      key: "nav.vendors",
      icon: <IconBuildingFactory2 size={18} />,
      testId: "nav-vendors",
    },
    {
      to: "/customers",
      key: "nav.customers",
      icon: <IconUserCircle size={18} />,
      testId: "nav-customers",
    },
    {
      to: "/orders",
      key: "nav.orders",
      icon: <IconShoppingCart size={18} />,
      testId: "nav-orders",
    },
  ];
  const settings: Item[] = [
    ...(may(session, "manage_users")
      ? [
          {
            to: "/settings/users",
            key: "nav.users",
            icon: <IconUsers size={18} />,
            testId: "nav-users",
          },
        ]
      : []),
    ...(may(session, "configure_approvals")
      ? [
          {
            to: "/settings/approval-limits",
            key: "nav.approval_limits",
            icon: <IconShieldCheck size={18} />,
            testId: "nav-approval-limits",
          },
        ]
      : []),
    ...(may(session, "maintain_log")
      ? [
          {
            to: "/settings/backups",
            key: "nav.backups",
            icon: <IconDatabaseExport size={18} />,
            testId: "nav-backups",
          },
        ]
      : []),
    ...(may(session, "configure_returns")
      ? [
          {
            to: "/settings/returns-policy",
            key: "nav.returns_policy",
            icon: <IconSettingsCog size={18} />,
            testId: "nav-returns-policy",
          },
        ]
      : []),
    {
      to: "/settings/locations",
      key: "nav.locations",
      icon: <IconBuildingWarehouse size={18} />,
      testId: "nav-locations",
    },
    {
      to: "/settings/time",
      key: "nav.site_time",
      icon: <IconCalendarTime size={18} />,
      testId: "nav-site-time",
    },
    {
      to: "/settings/categories",
      key: "nav.categories",
      icon: <IconCategory size={18} />,
      testId: "nav-categories",
    },
    {
      to: "/settings/notifications",
      key: "nav.notification_settings",
      icon: <IconBell size={18} />,
      testId: "nav-notification-settings",
    },
    {
      to: "/settings/team-sync",
      key: "nav.team_sync",
      icon: <IconCloudComputing size={18} />,
      testId: "nav-team-sync",
    },
  ];
  const link = (item: Item) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={t(item.key)}
      // A long Dutch or German word ("Goedkeuringslimieten") breaks, hyphenated where the
      // page's language allows, rather than being cut off.
      styles={{ label: { whiteSpace: "normal", overflowWrap: "anywhere", hyphens: "auto" } }}
      leftSection={item.icon}
      rightSection={
        item.count ? (
          <Badge
            size="sm"
            color="orange"
            circle={item.count < 10}
            data-testid={`${item.testId}-count`}
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
        (item.to === "/lots" && path.startsWith("/lots/")) ||
        (item.to === "/recalls" && path.startsWith("/recalls/")) ||
        (item.to === "/scars" && path.startsWith("/scars/")) ||
        (item.to === "/work-orders" && path.startsWith("/work-orders/")) ||
        (item.to === "/complaints" && path.startsWith("/complaints/"))
      }
      data-testid={item.testId}
    />
  );
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
          {master.map(link)}
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
