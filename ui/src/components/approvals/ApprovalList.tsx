import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApprovalView } from "../../backend/bindings/ApprovalView";
import { formatDateTime } from "../../format";
import { formatMoney } from "../../money";

/**
 * Who approved which amount, when and with what note; an approval that no longer counts (the
 * amount changed after it) is struck through. `testId` names each approval.
 */
export function ApprovalList({ approvals, testId }: { approvals: ApprovalView[]; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <List size="sm" spacing={4}>
      {approvals.map((a) => (
        <List.Item key={`${a.at}-${a.approver_name}`} data-testid={testId}>
          <Text span inherit td={a.counts ? undefined : "line-through"}>
            {t("reshipment.approvals.given", {
              who: a.approver_name ?? "—",
              roles: a.approver_roles.map((r) => t(`role.${r}`)).join(", "),
              when: formatDateTime(a.at, i18n.language),
              total: formatMoney(a.total_minor, a.currency, i18n.language),
            })}
          </Text>
          {!a.counts && (
            <Text span inherit c="dimmed">
              {" "}
              ({t("reshipment.approvals.voided")})
            </Text>
          )}
          {a.note && (
            <Text size="xs" fs="italic">
              “{a.note}”
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
