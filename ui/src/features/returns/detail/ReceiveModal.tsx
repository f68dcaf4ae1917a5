import { Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentView } from "../../../backend/bindings/AttachmentView";
import type { IntakeUnit } from "../../../backend/bindings/IntakeUnit";
import { call } from "../../../backend/call";
import { ActionModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { NoteField } from "../../../components/forms/NoteField";
import { PhotoUpload } from "../PhotoUpload";
import {
  type Answer,
  INTAKE_UNANSWERED,
  type IntakeChecks,
  type IntakeForm,
  toIntakeChecks,
  toUnits,
  type UnitRow,
  unitRows,
  worstGrade,
} from "../stepForms";
import { type ConditionGrade, GRADES, type RmaDetail } from "../types";
import { UnitGrades } from "./UnitGrades";

type Props = { detail: RmaDetail; onClose: () => void };

export function ReceiveModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const lines = detail.opening.lines;
  const [qty, setQty] = useState<string[]>(lines.map((l) => String(l.qty)));
  const [intake, setIntake] = useState<IntakeForm>(INTAKE_UNANSWERED);
  const [unanswered, setUnanswered] = useState<Record<string, string>>({});
  const [photos, setPhotos] = useState<AttachmentView[]>([]);
  const [note, setNote] = useState("");
  const [bad, setBad] = useState<number[]>([]);
  const parsedQty = qty.map((q) => (/^\d+$/.test(q.trim()) ? Number(q.trim()) : null));
  const [units, setUnits] = useState<UnitRow[]>(() => unitRows(lines, parsedQty, []));
  const shownUnits = unitRows(lines, parsedQty, units);
  const [ungraded, setUngraded] = useState<Record<string, string>>({});
  const { mutation, errors } = useRmaAction(
    ({
      qtyReceived,
      checks,
      graded,
    }: {
      qtyReceived: number[];
      checks: IntakeChecks;
      graded: IntakeUnit[];
    }) =>
      call("receive_rma", {
        rma_no: detail.rma_no,
        qty_received: qtyReceived,
        // A grade per unit (per serial on a serial line); the single grade is the worst of them.
        intake: {
          ...checks,
          line_grades: [],
          units: graded,
          photo_ids: photos.map((p) => p.id),
          note: note.trim(),
        },
      }),
    onClose,
    (f) => f.startsWith("qty_received") || f === "note" || f.startsWith("intake.units"),
  );
  const setUnitGrade = (i: number, grade: ConditionGrade) =>
    setUnits(shownUnits.map((u, j) => (j === i ? { ...u, grade } : u)));
  return (
    <ActionModal
      title={t("returns.action.receive")}
      size="lg"
      onClose={onClose}
      pending={mutation.isPending}
      submitTestId="rma-receive-submit"
      submitLabel={t("returns.action.receive")}
      onSubmit={() => {
        const parsed = parsedQty;
        const wrong = parsed.flatMap((q, i) => (q === null ? [i] : []));
        setBad(wrong);
        const graded = toUnits(shownUnits, intake.grade);
        setUngraded("errors" in graded ? graded.errors : {});
        const worst = "units" in graded ? worstGrade(graded.units.map((u) => u.grade)) : null;
        const answered = toIntakeChecks({ ...intake, grade: worst ?? intake.grade });
        setUnanswered("errors" in answered ? answered.errors : {});
        if (wrong.length === 0 && "checks" in answered && "units" in graded)
          mutation.mutate({
            qtyReceived: parsed.map((q) => q ?? 0),
            checks: answered.checks,
            graded: graded.units,
          });
      }}
    >
      <Stack gap="sm">
        <Table data-testid="rma-receive-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("returns.field.sku")}</Table.Th>
              <Table.Th ta="right">{t("returns.field.qty")}</Table.Th>
              <Table.Th>{t("returns.field.received")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => (
              <Table.Tr key={`${line.order_no}-${line.line_no}`}>
                <Table.Td>{line.sku}</Table.Td>
                <Table.Td ta="right">{line.qty}</Table.Td>
                <Table.Td>
                  <TextInput
                    w={90}
                    inputMode="numeric"
                    value={qty[i] ?? ""}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setQty((q) => q.map((x, j) => (j === i ? value : x)));
                    }}
                    error={
                      errors[`qty_received[${i}]`] ??
                      (bad.includes(i) ? t("returns.form.bad_qty") : undefined)
                    }
                    aria-label={t("returns.field.received")}
                    data-testid={`rma-receive-qty-${i}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {errors.qty_received && (
          <Text c="red" size="sm">
            {errors.qty_received}
          </Text>
        )}
        <Group grow align="flex-start">
          {(
            [
              ["packaging", "returns.intake.packaging_intact", "rma-receive-packaging"],
              ["accessories", "returns.intake.accessories_complete", "rma-receive-accessories"],
              ["serials", "returns.intake.serials_match", "rma-receive-serials"],
            ] as const
          ).map(([key, label, testId]) => (
            <NativeSelect
              key={key}
              label={t(label)}
              value={intake[key]}
              onChange={(e) => {
                // Read now: React clears the event's target before a state updater runs.
                const answer = e.currentTarget.value as Answer;
                setIntake((f) => ({ ...f, [key]: answer }));
              }}
              data={[
                { value: "", label: t("returns.form.choose_option"), disabled: true },
                { value: "yes", label: t("returns.form.yes") },
                { value: "no", label: t("returns.form.no") },
              ]}
              error={unanswered[key] ? t(unanswered[key]) : undefined}
              // An asterisk, not the browser's own check: the message is ours, in the user's language.
              withAsterisk
              data-testid={testId}
            />
          ))}
        </Group>
        <NativeSelect
          label={t("returns.intake.grade")}
          value={intake.grade}
          onChange={(e) => {
            const grade = e.currentTarget.value as ConditionGrade;
            setIntake((f) => ({ ...f, grade }));
          }}
          data={[
            { value: "", label: t("returns.form.choose_option"), disabled: true },
            ...GRADES.map((g) => ({ value: g, label: t(`returns.grade.${g}`) })),
          ]}
          error={unanswered.grade ? t(unanswered.grade) : undefined}
          description={t("returns.units.every_unit")}
          data-testid="rma-receive-grade"
        />
        <UnitGrades
          lines={lines}
          units={shownUnits}
          everyUnit={intake.grade}
          errors={ungraded}
          serverErrors={errors}
          onGrade={setUnitGrade}
        />
        <NoteField
          label={t("returns.field.note")}
          text={[note, setNote]}
          error={errors.note}
          data-testid="rma-receive-note"
        />
        <PhotoUpload photos={photos} onChange={setPhotos} />
      </Stack>
    </ActionModal>
  );
}

/** Whether the row's units go back into stock, so it needs a location. */
