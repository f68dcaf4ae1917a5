import {
  Alert,
  Checkbox,
  Grid,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconListCheck } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentView } from "../../backend/bindings/AttachmentView";
import type { Disposition } from "../../backend/bindings/Disposition";
import type { InspectionInput } from "../../backend/bindings/InspectionInput";
import type { LogFailureInput } from "../../backend/bindings/LogFailureInput";
import type { Severity } from "../../backend/bindings/Severity";
import type { Stage } from "../../backend/bindings/Stage";
import type { Team } from "../../backend/bindings/Team";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { codeOptions } from "../../components/codeOptions";
import { CheckField } from "../../components/forms/CheckField";
import { NoteField } from "../../components/forms/NoteField";
import { SubmitButtons } from "../../components/forms/SubmitButtons";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import { useAllProducts, useAllVendors, useCategories } from "../../queries/lists";
import { useFailure } from "../../queries/records";
import { AqlPanel } from "./AqlPanel";
import { AttachmentsPanel } from "./AttachmentsPanel";
import { categoryName } from "./categoryName";
import { SerialInspection } from "./SerialInspection";

export const STAGES: Stage[] = ["incoming", "in_process", "pre_shipment", "customer_return"];
export const SEVERITIES: Severity[] = ["critical", "major", "minor"];
export const TEAMS: Team[] = [
  "warehouse_qc",
  "logistics",
  "returns",
  "vendor_management",
  "finance",
  "quality",
];
export const DISPOSITIONS: Disposition[] = [
  "rework",
  "reinspect",
  "scrap",
  "return_to_vendor",
  "accept_with_deviation",
];

const ACCEPTED_FILES = "image/png,image/jpeg,image/webp,image/gif,application/pdf";

const NEW_INSPECTION: InspectionInput = {
  lot_size: 500,
  level: "II",
  inspection: "normal",
  aql_critical: null,
  aql_major: 2.5,
  aql_minor: 4,
  defects_critical: 0,
  defects_major: 0,
  defects_minor: 0,
};

/** A QC inspector logs a failed inspection here, keyboard first. */
/** Where a failure found at returns intake came back from: the RMA and the returned product. */
export type FromRma = { rmaNo: string; sku: string };

export function FailureFormPage({
  reinspectionOf,
  fromRma = null,
}: {
  reinspectionOf: string | null;
  fromRma?: FromRma | null;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const products = useAllProducts();
  const vendors = useAllVendors();
  const categories = useCategories();
  const original = useFailure(reinspectionOf);
  const [form, setForm] = useState({
    sku: fromRma?.sku ?? "",
    vendor_code: "",
    lot_code: "",
    serials: [] as string[],
    accepted_serials: [] as string[],
    stage: (fromRma ? "customer_return" : "incoming") as Stage,
    qty_inspected: 0,
    qty_failed: 0,
    category_code: "",
    description: "",
    severity: "major" as Severity,
    disposition: "" as Disposition | "",
    owner_team: (fromRma ? "returns" : "warehouse_qc") as Team,
  });
  const [useAql, setUseAql] = useState(false);
  const [inspection, setInspection] = useState(NEW_INSPECTION);
  const [holdLot, setHoldLot] = useState(false);
  // The inspection starts from what the failure says: its failed units are defects found in its
  // severity class (the backend refuses fewer), the other classes stay as typed.
  const foundKey = `defects_${form.severity}` as const;
  if (useAql && inspection[foundKey] < form.qty_failed) {
    setInspection((i) => ({ ...i, [foundKey]: form.qty_failed }));
  }
  const [attachments, setAttachments] = useState<AttachmentView[]>([]);
  if (original.data && form.sku === "") {
    setForm((f) => ({
      ...f,
      sku: original.data.sku,
      vendor_code: original.data.vendor_code,
      lot_code: original.data.lot_code ?? "",
    }));
  }
  const product = products.data?.rows.find((p) => p.sku === form.sku);
  // A returned product's failure is usually the vendor's: start from the product's vendor.
  if (fromRma && form.vendor_code === "" && product?.vendor_code) {
    setForm((f) => ({ ...f, vendor_code: product.vendor_code ?? "" }));
  }
  const checklist = useQuery({
    queryKey: ["checklist", form.sku],
    queryFn: () => call("get_checklist", { sku: form.sku }),
    enabled: form.sku !== "",
  });
  const activeCategories = (categories.data ?? []).filter((c) => c.active);
  const categoryCode = form.category_code || activeCategories[0]?.code || "";

  const log = useMutation({
    mutationFn: () => {
      const input: LogFailureInput = {
        occurred_at: null,
        sku: form.sku,
        vendor_code: form.vendor_code,
        lot_code: form.lot_code.trim() || null,
        serials: form.serials,
        accepted_serials: form.accepted_serials,
        stage: form.stage,
        qty_inspected: form.qty_inspected,
        qty_failed: form.qty_failed,
        category_code: categoryCode,
        description: form.description,
        severity: form.severity,
        inspection: useAql ? inspection : null,
        attachment_ids: attachments.map((a) => a.id),
        disposition: form.disposition === "" ? null : form.disposition,
        owner_team: form.owner_team,
        reinspection_of: reinspectionOf,
        rma_no: fromRma?.rmaNo ?? null,
        hold_lot: useAql && holdLot,
      };
      return call("log_failure", input);
    },
    onSuccess: (detail) =>
      void navigate({ to: "/failures/$failureNo", params: { failureNo: detail.failure_no } }),
  });
  const errors = log.error ? fieldErrors(t, log.error) : {};
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  // A count starts empty rather than at 0; an emptied box counts as 0 again.
  const count = (name: "qty_inspected" | "qty_failed") => ({
    label: t(`failure.field.${name}`),
    min: 1,
    value: form[name] || "",
    onChange: (v: number | string) => set(name, Number(v) || 0),
    error: errors[name],
    required: true,
  });
  // A coded field: a choice among its codes, each named by its key under `prefix`.
  const coded = <K extends "stage" | "severity" | "owner_team">(
    name: K,
    codes: readonly (typeof form)[K][],
    prefix: string,
  ) => ({
    label: t(`failure.field.${name}`),
    data: codeOptions(t, codes, prefix),
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) =>
      set(name, e.currentTarget.value as (typeof form)[K]),
  });

  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        log.mutate();
      }}
    >
      <Group justify="space-between">
        <div>
          <Title order={2} data-testid="page-title">
            {reinspectionOf
              ? t("failure_form.title_reinspection", { no: reinspectionOf })
              : fromRma
                ? t("failure_form.title_rma", { no: fromRma.rmaNo })
                : t("failure_form.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("failure_form.intro")}
          </Text>
        </div>
      </Group>
      {checklist.data && checklist.data.length > 0 && (
        <Alert
          icon={<IconListCheck />}
          color="blue"
          title={t("failure_form.checklist_title", { sku: form.sku })}
          data-testid="ff-checklist"
        >
          <List size="sm">
            {checklist.data.map((item) => (
              <List.Item key={item.id}>
                <Checkbox size="xs" label={item.text} />
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md">
            <Stack>
              <SimpleGrid cols={2}>
                <Select
                  data-testid="ff-sku"
                  label={t("failure.field.sku")}
                  searchable
                  autoFocus
                  required
                  selectFirstOptionOnChange
                  data={(products.data?.rows ?? []).map((p) => ({
                    value: p.sku,
                    label: `${p.sku} · ${p.name}`,
                  }))}
                  value={form.sku || null}
                  onChange={(sku) => {
                    const chosen = products.data?.rows.find((p) => p.sku === sku);
                    setForm((f) => ({
                      ...f,
                      sku: sku ?? "",
                      vendor_code: chosen?.vendor_code ?? f.vendor_code,
                    }));
                  }}
                  error={errors.sku}
                  nothingFoundMessage={t("common.nothing_found")}
                />
                <NativeSelect
                  data-testid="ff-vendor"
                  label={t("failure.field.vendor")}
                  required
                  data={[
                    { value: "", label: "—" },
                    ...(vendors.data?.rows ?? []).map((v) => ({
                      value: v.code,
                      label: `${v.code} · ${v.name}`,
                    })),
                  ]}
                  value={form.vendor_code}
                  onChange={(e) => set("vendor_code", e.currentTarget.value)}
                  error={errors.vendor_code}
                />
                <TextInput
                  data-testid="ff-lot"
                  label={t("failure.field.lot_code")}
                  required={product?.lot_tracked ?? false}
                  description={product?.lot_tracked ? t("failure_form.lot_tracked") : undefined}
                  value={form.lot_code}
                  onChange={(e) => set("lot_code", e.currentTarget.value)}
                  error={errors.lot_code}
                />
                <NativeSelect data-testid="ff-stage" {...coded("stage", STAGES, "failure.stage")} />
              </SimpleGrid>
              {product?.serial_tracked && (
                <TagsInput
                  data-testid="ff-serials"
                  label={t("failure.field.serials")}
                  description={t("failure_form.serials_hint")}
                  value={form.serials}
                  onChange={(v) => set("serials", v)}
                  error={errors.serials}
                />
              )}
              {product?.serial_tracked && (
                <SerialInspection
                  lotCode={form.lot_code.trim().toUpperCase()}
                  rejected={form.serials}
                  accepted={form.accepted_serials}
                  onChange={(rejected, accepted) =>
                    setForm((f) => ({
                      ...f,
                      serials: rejected,
                      accepted_serials: accepted,
                      // Judged serials are inspected units; the rejected ones failed.
                      qty_inspected: Math.max(f.qty_inspected, rejected.length + accepted.length),
                      qty_failed: Math.max(f.qty_failed, rejected.length),
                    }))
                  }
                />
              )}
              {errors.accepted_serials && (
                <Text c="red" size="sm">
                  {errors.accepted_serials}
                </Text>
              )}
              <SimpleGrid cols={3}>
                <NumberInput data-testid="ff-qty-inspected" {...count("qty_inspected")} />
                <NumberInput data-testid="ff-qty-failed" {...count("qty_failed")} />
                <NativeSelect
                  data-testid="ff-severity"
                  {...coded("severity", SEVERITIES, "failure.severity")}
                />
              </SimpleGrid>
              <NativeSelect
                data-testid="ff-category"
                label={t("failure.field.category")}
                data={activeCategories.map((c) => ({
                  value: c.code,
                  label: `${c.code} · ${categoryName(c, i18n.language)}`,
                }))}
                value={categoryCode}
                onChange={(e) => set("category_code", e.currentTarget.value)}
                error={errors.category_code}
              />
              <NoteField
                data-testid="ff-description"
                label={t("failure.field.description")}
                max={TEXT_LIMITS.note}
                autosize
                minRows={3}
                text={[form.description, (v) => set("description", v)]}
                error={errors.description}
                required
              />
              <SimpleGrid cols={2}>
                <NativeSelect
                  data-testid="ff-disposition"
                  label={t("failure.field.disposition")}
                  data={[
                    { value: "", label: t("failure_form.decide_later") },
                    ...DISPOSITIONS.map((d) => ({
                      value: d,
                      label: t(`failure.disposition.${d}`),
                    })),
                  ]}
                  value={form.disposition}
                  onChange={(e) => set("disposition", e.currentTarget.value as Disposition | "")}
                />
                <NativeSelect data-testid="ff-owner-team" {...coded("owner_team", TEAMS, "team")} />
              </SimpleGrid>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <AttachmentsPanel
              attachments={attachments}
              onChange={setAttachments}
              accept={ACCEPTED_FILES}
              text={{ prefix: "failure_form", remove: "remove_attachment" }}
              testIds={{ input: "ff-photo-input", badge: "ff-attachment" }}
            />
            <Switch
              label={t("failure_form.use_aql")}
              checked={useAql}
              onChange={(e) => setUseAql(e.currentTarget.checked)}
              data-testid="ff-use-aql"
            />
            {useAql && (
              <AqlPanel
                value={inspection}
                onChange={setInspection}
                sku={form.sku}
                vendorCode={form.vendor_code}
                lotCode={form.lot_code}
              />
            )}
            {useAql && form.lot_code.trim() !== "" && (
              <CheckField
                label={t("failure_form.hold_lot_when_accepted")}
                description={t("failure_form.hold_lot_when_accepted_hint")}
                flag={[holdLot, setHoldLot]}
                data-testid="ff-hold-lot"
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {log.isError && Object.keys(errors).length === 0 && (
        <Text c="red">{errorMessage(t, log.error)}</Text>
      )}
      <SubmitButtons
        onCancel={() => void navigate({ to: "/failures" })}
        pending={log.isPending}
        label={t("failure_form.submit")}
        testId="ff-submit"
      />
    </Stack>
  );
}
