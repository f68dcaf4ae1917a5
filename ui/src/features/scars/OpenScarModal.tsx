import { ActionIcon, Group, Stack, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ScarMember } from "../../backend/bindings/ScarMember";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import type { Closing } from "../../components/actions/ActionModal";
import { FormModal, useFormSave } from "../../components/FormModal";
import { NoteField } from "../../components/forms/NoteField";
import { AddRowFoot } from "../../components/forms/RowsCard";

/** What the SCAR's team says of each member (the 8D's D1). */
const MEMBER_FIELDS = ["name", "role"] as const;

/** Opens a SCAR with its team (D1) and problem (D2): from a failure, or for a vendor. */
export function OpenScarModal({
  failureNo,
  vendorCode,
  problem,
  onClose,
}: { failureNo?: string; vendorCode?: string; problem?: string } & Closing) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [vendor, setVendor] = useState(vendorCode ?? "");
  const [team, setTeam] = useState<ScarMember[]>([{ name: "", role: "" }]);
  const [text, setText] = useState(problem ?? "");
  const { save, errors } = useFormSave({
    act: () =>
      call("open_scar", {
        failure_no: failureNo ?? null,
        vendor_code: failureNo ? null : vendor,
        team,
        problem: text,
      }),
    refresh: ["scars"],
    saved: (scar) => {
      void navigate({ to: "/scars/$scarNo", params: { scarNo: scar.scar_no } });
      return t("scars.open.saved", { scar: scar.scar_no });
    },
    onClose,
  });
  const setMember = (index: number, field: keyof ScarMember, value: string) =>
    setTeam((current) => current.map((m, i) => (i === index ? { ...m, [field]: value } : m)));
  return (
    <FormModal
      title={
        failureNo ? t("scars.open.title_failure", { failure: failureNo }) : t("scars.open.title")
      }
      intro={t("scars.open.intro")}
      size="lg"
      save={save}
      saveTestId="scar-open-save"
      onClose={onClose}
    >
      {!failureNo && (
        <TextInput
          label={t("scars.field.vendor")}
          value={vendor}
          onChange={(e) => setVendor(e.currentTarget.value)}
          error={errors.vendor_code}
          data-testid="scar-open-vendor"
        />
      )}
      <Stack gap={6}>
        {team.map((member, index) => (
          // The rows have no identity but their place; they are only added or removed at the end.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            {MEMBER_FIELDS.map((field) => (
              <TextInput
                key={field}
                style={{ flex: 1 }}
                label={index === 0 ? t(`scars.field.team_${field}`) : undefined}
                value={member[field]}
                onChange={(e) => setMember(index, field, e.currentTarget.value)}
                error={errors[`team.${index}.${field}`]}
                data-testid={`scar-team-${field}-${index}`}
              />
            ))}
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t("scars.open.remove_member")}
              disabled={team.length === 1}
              onClick={() => setTeam((current) => current.filter((_, i) => i !== index))}
              mb={4}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <AddRowFoot
          error={errors.team}
          errorTestId="scar-team-error"
          label={t("scars.open.add_member")}
          onAdd={() => setTeam((current) => [...current, { name: "", role: "" }])}
          testId="scar-team-add"
        />
      </Stack>
      <NoteField
        label={t("scars.field.problem")}
        description={t("scars.open.problem_hint")}
        autosize
        minRows={3}
        max={TEXT_LIMITS.note}
        text={[text, setText]}
        error={errors.problem}
        data-testid="scar-open-problem"
      />
    </FormModal>
  );
}
