import { Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Severity } from "../../backend/bindings/Severity";
import { call } from "../../backend/call";
import { ActionModal, type Closing } from "../../components/actions/ActionModal";
import { stepTexts } from "../../components/actions/stepTexts";
import { useRecordAction } from "../../components/actions/useRecordAction";
import { DateField } from "../../components/DateField";
import { bindFields, useDraft } from "../../components/forms/draft";
import { SEVERITIES } from "../failures/FailureFormPage";
import { PiecesInput, StepText } from "./inputs";
import { wholeOrNull } from "./production";
import { useShowMade } from "./useShowMade";

/** What a complaint was opened from: its customer, order, lot or work order. */
export type ComplaintLinks = {
  customer_code?: string;
  order_no?: string;
  lot_code?: string;
  work_order_no?: string;
};

export function OpenComplaintModal({ links, onClose }: { links: ComplaintLinks } & Closing) {
  const { t } = useTranslation();
  const showMade = useShowMade(onClose);
  const form = useDraft({
    customer_code: links.customer_code ?? "",
    order_no: links.order_no ?? "",
    lot_code: links.lot_code ?? "",
    work_order_no: links.work_order_no ?? "",
    received_on: "",
    qty_affected: 1 as number | string,
    severity: "major" as Severity,
    description: "",
  });
  const d = form.draft;
  const { mutation, errors } = useRecordAction(
    "complaint",
    () =>
      call("open_complaint", {
        received_on: d.received_on || null,
        customer_code: d.customer_code || null,
        order_no: d.order_no || null,
        lot_code: d.lot_code || null,
        work_order_no: d.work_order_no || null,
        sku: null,
        qty_affected: wholeOrNull(d.qty_affected) ?? 0,
        description: d.description,
        severity: d.severity,
      }),
    (c) =>
      showMade(t("complaints.open.saved", { no: c.complaint_no }), (navigate) =>
        navigate({ to: "/complaints/$complaintNo", params: { complaintNo: c.complaint_no } }),
      ),
  );
  const f = bindFields(form, errors, (key) => t(`complaints.field.${key}`));
  return (
    <ActionModal
      {...stepTexts(t, "complaints.open")}
      size="lg"
      onClose={onClose}
      mutation={mutation}
      submitTestId="complaint-open-save"
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput {...f.text("customer_code", "customer")} data-testid="complaint-customer" />
          <TextInput {...f.text("order_no")} data-testid="complaint-order" />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            {...f.text("lot_code")}
            error={errors.lot_code ?? errors.sku}
            data-testid="complaint-lot"
          />
          <TextInput {...f.text("work_order_no")} data-testid="complaint-work-order" />
        </Group>
        <Group grow align="flex-start">
          <DateField {...f.value("received_on")} data-testid="complaint-received" />
          <PiecesInput {...f.number("qty_affected")} data-testid="complaint-qty" />
          <NativeSelect
            {...f.text("severity")}
            data={SEVERITIES.map((s) => ({ value: s, label: t(`failure.severity.${s}`) }))}
            data-testid="complaint-severity"
          />
        </Group>
        <StepText {...f.text("description")} minRows={3} data-testid="complaint-description" />
      </Stack>
    </ActionModal>
  );
}
