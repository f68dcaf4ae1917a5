import { Badge, Button, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDownload } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RecallDetail } from "../../backend/bindings/RecallDetail";
import { call } from "../../backend/call";
import { EmailLink } from "../../components/EmailLink";
import { HeadedTable } from "../../components/HeadedTable";
import { MadeFileButton } from "../../components/MadeFileButton";
import { Note } from "../../components/Note";
import { headings } from "../../components/TableHead";
import { errorMessage } from "../../errors/apiError";
import { formatDateTime } from "../../format";
import { oneLine } from "./recall";

export function ExportCustomers({ recallNo, disabled }: { recallNo: string; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <MadeFileButton
      icon={<IconDownload size={16} />}
      make={() => call("recall_customers_csv", { recall_no: recallNo })}
      label={t("lots.export_customers")}
      testId="recall-export-customers"
      disabled={disabled}
    />
  );
}

/** Who received the recalled lots, and whether they have been told. */
export function RecallCustomers({
  recall,
  canNotify,
}: {
  recall: RecallDetail;
  canNotify: boolean;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const notify = async (code: string) => {
    setBusy(code);
    try {
      const next = await call("recall_customer_notified", {
        recall_no: recall.recall_no,
        customer_code: code,
      });
      client.setQueryData(["recall", recall.recall_no], next);
      void client.invalidateQueries({ queryKey: ["recalls"] });
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(t, err) });
    } finally {
      setBusy(null);
    }
  };
  if (recall.customers.length === 0) return <Note>{t("lots.customer.none")}</Note>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <HeadedTable
        data-testid="recall-customers"
        columns={headings(t, [
          "lots.customer.name",
          "lots.customer.email",
          "lots.customer.phone",
          "recalls.customer.address",
          "recalls.customer.notified_at",
        ])}
        items={recall.customers}
        row={(c) => (
          <Table.Tr
            key={c.customer_code}
            data-testid="recall-customer"
            data-customer={c.customer_code}
            data-notified={c.notified_at !== null}
          >
            <Table.Td>
              <Text size="sm">{c.name ?? c.customer_code}</Text>
              {c.name && (
                <Text size="xs" c="dimmed">
                  {c.customer_code}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <EmailLink email={c.email} />
            </Table.Td>
            <Table.Td>{c.phone}</Table.Td>
            <Table.Td maw={260}>
              <Text size="sm">{oneLine(c.address)}</Text>
            </Table.Td>
            <Table.Td>
              {c.notified_at ? (
                <Badge
                  color="teal"
                  variant="light"
                  leftSection={<IconCheck size={10} />}
                  data-testid={`recall-notified-${c.customer_code}`}
                >
                  {formatDateTime(c.notified_at, i18n.language)}
                </Badge>
              ) : canNotify ? (
                <Button
                  size="xs"
                  variant="light"
                  loading={busy === c.customer_code}
                  disabled={busy !== null}
                  onClick={() => void notify(c.customer_code)}
                  data-testid={`recall-notify-${c.customer_code}`}
                >
                  {t("recalls.customer.mark_notified")}
                </Button>
              ) : (
                <Text size="sm" c="orange">
                  {t("recalls.customer.not_notified")}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Table.ScrollContainer>
  );
}
