import { Badge, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { UnitRow } from "../stepForms";
import { type ConditionGrade, GRADES } from "../types";

type Props = {
  lines: { sku: string; serials: string[] }[];
  units: UnitRow[];
  /** The grade chosen for every unit, which a unit's own grade overrides. */
  everyUnit: ConditionGrade | "";
  errors: Record<string, string>;
  serverErrors: Record<string, string>;
  onGrade: (index: number, grade: ConditionGrade) => void;
};

/** A condition grade per unit received (per serial on a serial line), not one for the return. */
export function UnitGrades({ lines, units, everyUnit, errors, serverErrors, onGrade }: Props) {
  const { t } = useTranslation();
  if (units.length === 0) return null;
  const unitError = Object.entries(serverErrors).find(([f]) => f.startsWith("intake.units"))?.[1];
  const counter = new Map<number, number>();
  return (
    <Stack gap={4}>
      <Text fw={500} size="sm">
        {t("returns.units.title")}
      </Text>
      <Table data-testid="rma-receive-units" withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {units.map((unit, i) => {
            const k = (counter.get(unit.lineIndex) ?? 0) + 1;
            counter.set(unit.lineIndex, k);
            const line = lines[unit.lineIndex];
            return (
              <Table.Tr key={`${unit.lineIndex}-${k}`}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm">{line?.sku}</Text>
                    <Badge variant="light" size="sm">
                      {unit.serial ?? t("returns.units.unit", { n: k })}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    value={unit.grade || everyUnit}
                    onChange={(e) => onGrade(i, e.currentTarget.value as ConditionGrade)}
                    data={[
                      { value: "", label: t("returns.form.choose_option"), disabled: true },
                      ...GRADES.map((g) => ({ value: g, label: t(`returns.grade.${g}`) })),
                    ]}
                    error={errors[`unit.${i}`] ? t(errors[`unit.${i}`] ?? "") : undefined}
                    aria-label={t("returns.units.grade_of", { sku: line?.sku ?? "", n: k })}
                    data-testid={`rma-receive-unit-grade-${unit.lineIndex}-${k}`}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {unitError && (
        <Text c="red" size="sm">
          {unitError}
        </Text>
      )}
    </Stack>
  );
}
