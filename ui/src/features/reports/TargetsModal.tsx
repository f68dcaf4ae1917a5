import { ActionIcon, Button, Group, NumberInput, SimpleGrid, Text, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KpiTargets } from "../../backend/bindings/KpiTargets";
import { ApiFailure, call } from "../../backend/call";
import { useFormSave } from "../../components/FormModal";
import { numberMarks } from "../../money";
import { SettingsModal } from "./SettingsModal";
import {
  DAY_FIELDS,
  fromForm,
  moneyProblems,
  PERCENT_FIELDS,
  type TargetsForm,
  toForm,
} from "./targetsForm";

/** The admin's KPI targets: percent, days, and a cost per return per currency. */
export function TargetsModal({ targets, onClose }: { targets: KpiTargets; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  // Decimals in the reader's marks: "2,5 %" in Dutch, "2.5 %" in English and Chinese.
  const marks = numberMarks(i18n.language);
  const [form, setForm] = useState<TargetsForm>(() => toForm(targets));
  const { save, errors } = useFormSave({
    act: () => {
      // Amounts with more decimals than their currency has are refused here, at their row.
      const fields = moneyProblems(form);
      if (fields.length > 0) {
        const first = fields[0] as (typeof fields)[0];
        throw new ApiFailure({
          code: "invalid",
          message_key: first.message_key,
          params: first.params,
          fields,
        });
      }
      return call("set_kpi_targets", fromForm(form));
    },
    refresh: ["kpi_table", "kpi_targets"],
    saved: () => t("reports.targets.saved"),
    onClose,
  });
  const set = (key: keyof TargetsForm) => (value: number | string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const target = (field: (typeof PERCENT_FIELDS)[number] | (typeof DAY_FIELDS)[number]) => ({
    label: t(`reports.targets.field.${field}`),
    value: form[field],
    onChange: set(field),
    min: 0,
    decimalScale: 2,
    decimalSeparator: marks.decimal,
    thousandSeparator: marks.group,
    error: errors[field],
    "data-testid": `target-${field}`,
  });
  const setMoney = (i: number, key: "currency" | "amount", value: string) =>
    setForm((f) => ({
      ...f,
      cost_per_return: f.cost_per_return.map((row, j) =>
        j === i ? { ...row, [key]: value } : row,
      ),
    }));
  return (
    <SettingsModal texts="reports.targets" save={save} saveTestId="targets-save" onClose={onClose}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {PERCENT_FIELDS.map((field) => (
          <NumberInput key={field} {...target(field)} max={100} suffix=" %" />
        ))}
        {DAY_FIELDS.map((field) => (
          <NumberInput
            key={field}
            {...target(field)}
            rightSection={
              <Text size="xs" c="dimmed" pr="xs">
                {t("reports.targets.days")}
              </Text>
            }
            rightSectionWidth={56}
          />
        ))}
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t("reports.targets.field.cost_per_return")}
      </Text>
      {form.cost_per_return.map((row, i) => {
        const code = row.currency.trim().toUpperCase();
        const error = errors[`cost_per_return_max_minor.${code}`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place.
          <Group key={i} align="flex-start" gap="xs">
            <TextInput
              w={90}
              placeholder="EUR"
              aria-label={t("reports.cost.currency")}
              value={row.currency}
              maxLength={3}
              onChange={(e) => setMoney(i, "currency", e.currentTarget.value)}
              error={error ? " " : undefined}
            />
            <TextInput
              style={{ flex: 1 }}
              aria-label={t("reports.targets.field.cost_per_return")}
              inputMode="decimal"
              value={row.amount}
              onChange={(e) => setMoney(i, "amount", e.currentTarget.value)}
              error={error}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={4}
              aria-label={t("reports.targets.remove_currency")}
              onClick={() =>
                setForm((f) => ({
                  ...f,
                  cost_per_return: f.cost_per_return.filter((_, j) => j !== i),
                }))
              }
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setForm((f) => ({
              ...f,
              cost_per_return: [...f.cost_per_return, { currency: "", amount: "" }],
            }))
          }
        >
          {t("reports.targets.add_currency")}
        </Button>
      </Group>
    </SettingsModal>
  );
}
