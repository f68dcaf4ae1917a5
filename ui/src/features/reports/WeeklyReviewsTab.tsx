import { Badge, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { PrintSaveButton } from "../../components/PrintSaveButton";
import { fieldHeadings } from "../../components/TableHead";
import { formatDateTimeShort, formatDaySpan } from "../../format";
import { QueryView } from "./QueryView";
import { ReportSection } from "./ReportSection";

/** The weekly reviews the app made on its own, newest first, each to open or save as its PDF. */
export function WeeklyReviewsTab() {
  const { t, i18n } = useTranslation();
  const rows = useQuery({
    queryKey: ["weekly_reviews"],
    queryFn: () => call("list_weekly_reviews", {}),
  });
  return (
    <ReportSection
      title={t("weekly_reviews.title")}
      note={t("weekly_reviews.note")}
      testId="weekly-reviews"
    >
      <QueryView query={rows}>
        {(data) =>
          data.length === 0 ? (
            <Note data-testid="weekly-reviews-empty">{t("weekly_reviews.empty")}</Note>
          ) : (
            <HeadedTable
              tableProps={{ striped: true, withTableBorder: true, fz: "sm" }}
              columns={fieldHeadings(t, "weekly_reviews", ["week", "days", "made", "team", ""])}
              items={data}
              row={(r) => (
                <Table.Tr key={r.week} data-testid="weekly-review-row" data-week={r.week}>
                  <Table.Td fw={600}>{r.week}</Table.Td>
                  <Table.Td>{formatDaySpan(r.from, r.to, i18n.language)}</Table.Td>
                  <Table.Td>{formatDateTimeShort(r.made_at, i18n.language)}</Table.Td>
                  <Table.Td>
                    {r.sent_to_team_at ? (
                      <Badge size="sm" color="teal" variant="light">
                        {t("weekly_reviews.sent")}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t("weekly_reviews.not_sent")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td w={1}>
                    <PrintSaveButton
                      make={{ act: "weekly_review_pdf", input: { week: r.week } }}
                      label={t("weekly_reviews.open")}
                      saveLabel={t("weekly_reviews.save")}
                      testId="weekly-review-open"
                      size="xs"
                      data={{ week: r.week }}
                    />
                  </Table.Td>
                </Table.Tr>
              )}
            />
          )
        }
      </QueryView>
    </ReportSection>
  );
}
