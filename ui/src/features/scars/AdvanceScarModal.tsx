import { Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ScarDetail } from "../../backend/bindings/ScarDetail";
import type { ScarStatus } from "../../backend/bindings/ScarStatus";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import type { Closing } from "../../components/actions/ActionModal";
import { DateField } from "../../components/DateField";
import { FormModal, useFormSave } from "../../components/FormModal";
import { bindFields, useDraft } from "../../components/forms/draft";
import { stepNeeds } from "./scar";

/** The SCAR's next step: sending it with the answer's due date, or what the vendor answered. */
export function AdvanceScarModal({
  scar,
  to,
  onClose,
}: { scar: ScarDetail; to: ScarStatus } & Closing) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const needs = stepNeeds(to);
  const form = useDraft({ due_on: "", text: "", actions: "", preventive: "" });
  const { due_on, ...texts } = form.draft;
  const { save, errors } = useFormSave({
    act: async () => {
      const next = await call("advance_scar", {
        scar_no: scar.scar_no,
        to,
        due_on: needs.due ? due_on : null,
        ...texts,
      });
      client.setQueryData(["scar", scar.scar_no], next);
      return next;
    },
    refresh: ["scars"],
    saved: (next) =>
      t("scars.advance.saved", { scar: next.scar_no, status: t(`scars.status.${to}`) }),
    onClose,
  });
  const f = bindFields(form, errors, (key) => t(`scars.field.${key}`));
  return (
    <FormModal
      title={t(`scars.advance.title.${to}`, { scar: scar.scar_no })}
      intro={t(`scars.advance.intro.${to}`)}
      size="lg"
      save={save}
      saveTestId="scar-advance-save"
      onClose={onClose}
    >
      {needs.due && <DateField {...f.value("due_on")} data-testid="scar-advance-due" />}
      <Textarea
        {...f.text("text")}
        label={t(`scars.advance.text.${to}`)}
        autosize
        minRows={needs.text ? 3 : 2}
        maxLength={TEXT_LIMITS.note}
        withAsterisk={needs.text}
        data-testid="scar-advance-text"
      />
      {needs.actions && (
        <>
          <Textarea
            {...f.text("actions")}
            autosize
            minRows={3}
            maxLength={TEXT_LIMITS.note}
            withAsterisk
            data-testid="scar-advance-actions"
          />
          <Textarea
            {...f.text("preventive")}
            autosize
            minRows={2}
            maxLength={TEXT_LIMITS.note}
            data-testid="scar-advance-preventive"
          />
        </>
      )}
    </FormModal>
  );
}
