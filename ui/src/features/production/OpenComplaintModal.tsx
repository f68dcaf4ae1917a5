import { Group, NativeSelect, NumberInput, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Severity } from "../../backend/bindings/Severity";
import { call } from "../../backend/call";
import { ActionModal } from "../../components/actions/ActionModal";
import { useRecordAction } from "../../components/actions/useRecordAction";
import { DateField } from "../../components/DateField";
import { wholeOrNull } from "./production";

/** What a complaint was opened from: its customer, order, lot or work order. */
export type ComplaintLinks = {
  customer_code?: string;
  order_no?: string;
  lot_code?: string;
  work_order_no?: string;
};

export function OpenComplaintModal({
  links,
  onClose,
}: {
  links: ComplaintLinks;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [customer, setCustomer] = useState(links.customer_code ?? "");
  const [order, setOrder] = useState(links.order_no ?? "");
  const [lot, setLot] = useState(links.lot_code ?? "");
  const [workOrder, setWorkOrder] = useState(links.work_order_no ?? "");
  const [received, setReceived] = useState("");
  const [qty, setQty] = useState<number | string>(1);
  const [severity, setSeverity] = useState<Severity>("major");
  const [description, setDescription] = useState("");
  const { mutation, errors } = useRecordAction(
    "complaint",
    () =>
      call("open_complaint", {
        received_on: received || null,
        customer_code: customer || null,
        order_no: order || null,
        lot_code: lot || null,
        work_order_no: workOrder || null,
        sku: null,
        qty_affected: wholeOrNull(qty) ?? 0,
        description,
        severity,
      }),
    (c) => {
      onClose();
      void navigate({ to: "/complaints/$complaintNo", params: { complaintNo: c.complaint_no } });
      notifications.show({
        color: "teal",
        message: t("complaints.open.saved", { no: c.complaint_no }),
      });
    },
  );
  return (
    <ActionModal
      title={t("complaints.open.title")}
      intro={t("complaints.open.intro")}
      size="lg"
      onClose={onClose}
      onSubmit={() => mutation.mutate(undefined)}
      pending={mutation.isPending}
      submitTestId="complaint-open-save"
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label={t("complaints.field.customer")}
            value={customer}
            onChange={(e) => setCustomer(e.currentTarget.value)}
            error={errors.customer_code}
            data-testid="complaint-customer"
          />
          <TextInput
            label={t("complaints.field.order_no")}
            value={order}
            onChange={(e) => setOrder(e.currentTarget.value)}
            error={errors.order_no}
            data-testid="complaint-order"
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t("complaints.field.lot_code")}
            value={lot}
            onChange={(e) => setLot(e.currentTarget.value)}
            error={errors.lot_code ?? errors.sku}
            data-testid="complaint-lot"
          />
          <TextInput
            label={t("complaints.field.work_order_no")}
            value={workOrder}
            onChange={(e) => setWorkOrder(e.currentTarget.value)}
            error={errors.work_order_no}
            data-testid="complaint-work-order"
          />
        </Group>
        <Group grow align="flex-start">
          <DateField
            label={t("complaints.field.received_on")}
            value={received}
            onChange={setReceived}
            error={errors.received_on}
            data-testid="complaint-received"
          />
          <NumberInput
            label={t("complaints.field.qty_affected")}
            value={qty}
            onChange={setQty}
            min={1}
            allowDecimal={false}
            error={errors.qty_affected}
            data-testid="complaint-qty"
          />
          <NativeSelect
            label={t("complaints.field.severity")}
            value={severity}
            onChange={(e) => setSeverity(e.currentTarget.value as Severity)}
            data={(["critical", "major", "minor"] as Severity[]).map((s) => ({
              value: s,
              label: t(`failure.severity.${s}`),
            }))}
            data-testid="complaint-severity"
          />
        </Group>
        <Textarea
          label={t("complaints.field.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          required
          autosize
          minRows={3}
          data-autofocus
          data-testid="complaint-description"
        />
      </Stack>
    </ActionModal>
  );
}
