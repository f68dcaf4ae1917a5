import { Anchor, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { HeadedTable } from "../../components/HeadedTable";
import { fieldHeadings } from "../../components/TableHead";
import { formatDay } from "../scars/scar";
import { DashboardCard } from "./DashboardCard";

const SHOWN = 8;

/** SCARs whose vendor's answer is past its due day: chase the vendor. */
export function OverdueScarsCard() {
  const { t, i18n } = useTranslation();
  const overdue = useQuery({
    queryKey: ["scars", "overdue"],
    queryFn: () => call("list_scars", { overdue_only: true }),
  });
  return (
    <DashboardCard
      title={t("dashboard.scars.title")}
      note={t("dashboard.scars.note")}
      query={overdue}
      testId="dashboard-overdue-scars"
    >
      {(rows) =>
        rows.length === 0 ? (
          <Text c="teal.7" size="sm" data-testid="dashboard-scars-empty">
            {t("dashboard.scars.empty")}
          </Text>
        ) : (
          <>
            <HeadedTable
              tableProps={{ striped: true }}
              columns={fieldHeadings(t, "scars.field", ["scar_no", "vendor", "due_on"])}
              items={rows.slice(0, SHOWN)}
              row={(s) => (
                <Table.Tr key={s.scar_no} data-testid="dashboard-scar-row" data-no={s.scar_no}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/scars/$scarNo" params={{ scarNo: s.scar_no }} />
                      )}
                    >
                      {s.scar_no}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.vendor_name ?? s.vendor_code}</Table.Td>
                  <Table.Td c="red.7" fw={600}>
                    {formatDay(s.due_on, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              )}
            />
            <Anchor
              size="sm"
              renderRoot={(props) => <Link {...props} to="/scars" />}
              data-testid="dashboard-scars-all"
            >
              {t("dashboard.scars.show_all", { count: rows.length })}
            </Anchor>
          </>
        )
      }
    </DashboardCard>
  );
}
