import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ModalButton } from "../../../components/ModalButton";
import { Section } from "../../../components/Section";
import { formatMoney } from "../../../money";
import type { ReshipmentDetail } from "../types";
import { ChargebackModal, NEXT_CHARGEBACK } from "./ActionModals";

export function ChargebackCard({ detail }: { detail: ReshipmentDetail }) {
  const { t, i18n } = useTranslation();
  const cb = detail.chargeback;
  if (!cb) return null;
  const active = !["rejected", "cancelled"].includes(detail.status);
  return (
    <Section
      title={t("reshipment.chargeback.title")}
      testId="rs-chargeback"
      actions={
        active &&
        NEXT_CHARGEBACK[cb.status].length > 0 && (
          <ModalButton
            size="xs"
            variant="light"
            label={t("reshipment.chargeback.update")}
            testId="rs-chargeback-update"
          >
            {(close) => <ChargebackModal detail={detail} onClose={close} />}
          </ModalButton>
        )
      }
    >
      <Stack gap={4}>
        <Text size="sm">
          {t("reshipment.field.vendor")}: {cb.vendor_code}
        </Text>
        <Text size="sm" data-testid="rs-chargeback-status" data-status={cb.status}>
          {t("reshipment.field.status")}: {t(`reshipment.chargeback.status.${cb.status}`)}
        </Text>
        <Text size="sm">
          {t("reshipment.chargeback.amount")}:{" "}
          {formatMoney(cb.amount_minor, cb.currency, i18n.language)}
        </Text>
        <Text size="sm">
          {t("reshipment.chargeback.recovered")}:{" "}
          {formatMoney(cb.recovered_minor, cb.currency, i18n.language)}
        </Text>
      </Stack>
    </Section>
  );
}
