import { Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ScarDetail } from "../../backend/bindings/ScarDetail";
import type { ScarStatus } from "../../backend/bindings/ScarStatus";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { DateField } from "../../components/DateField";
import { FormModal, useFormSave } from "../../components/FormModal";
import { stepNeeds } from "./scar";

/** The SCAR's next step: sending it with the answer's due date, or what the vendor answered. */
export function AdvanceScarModal({
  scar,
  to,
  onClose,
}: {
  scar: ScarDetail;
  to: ScarStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const needs = stepNeeds(to);
  const [due, setDue] = useState("");
  const [text, setText] = useState("");
  const [actions, setActions] = useState("");
  const [preventive, setPreventive] = useState("");
  const { save, errors } = useFormSave({
    act: async () => {
      const next = await call("advance_scar", {
        scar_no: scar.scar_no,
        to,
        due_on: needs.due ? due : null,
        text,
        actions,
        preventive,
      });
      client.setQueryData(["scar", scar.scar_no], next);
      return next;
    },
    refresh: ["scars"],
    saved: (next) =>
      t("scars.advance.saved", { scar: next.scar_no, status: t(`scars.status.${to}`) }),
    onClose,
  });
  return (
    <FormModal
      title={t(`scars.advance.title.${to}`, { scar: scar.scar_no })}
      intro={t(`scars.advance.intro.${to}`)}
      size="lg"
      save={save}
      saveTestId="scar-advance-save"
      onClose={onClose}
    >
      {needs.due && (
        <DateField
          label={t("scars.field.due_on")}
          value={due}
          onChange={setDue}
          error={errors.due_on}
          data-testid="scar-advance-due"
        />
      )}
      <Textarea
        label={t(`scars.advance.text.${to}`)}
        autosize
        minRows={needs.text ? 3 : 2}
        maxLength={TEXT_LIMITS.note}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
        withAsterisk={needs.text}
        data-testid="scar-advance-text"
      />
      {needs.actions && (
        <>
          <Textarea
            label={t("scars.field.actions")}
            autosize
            minRows={3}
            maxLength={TEXT_LIMITS.note}
            value={actions}
            onChange={(e) => setActions(e.currentTarget.value)}
            error={errors.actions}
            withAsterisk
            data-testid="scar-advance-actions"
          />
          <Textarea
            label={t("scars.field.preventive")}
            autosize
            minRows={2}
            maxLength={TEXT_LIMITS.note}
            value={preventive}
            onChange={(e) => setPreventive(e.currentTarget.value)}
            error={errors.preventive}
            data-testid="scar-advance-preventive"
          />
        </>
      )}
    </FormModal>
  );
}
