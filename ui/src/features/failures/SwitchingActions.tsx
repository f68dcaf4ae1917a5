import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../app/session";
import type { InspectionInput } from "../../backend/bindings/InspectionInput";
import type { SwitchingState } from "../../backend/bindings/SwitchingState";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { MutationButton } from "../../components/MutationButton";
import { errorMessage, fieldErrors } from "../../errors/apiError";

type Props = {
  rules: SwitchingState;
  inspection: InspectionInput;
  sku: string;
  vendorCode: string;
  lotCode: string;
};

/**
 * The switching rules' two steps besides logging a failure: a lot that passed with no failure is
 * recorded so that the rules count it, and a quality lead resumes discontinued inspection after
 * the supplier's corrective action. Each is offered only to whom the backend's session allows.
 */
export function SwitchingActions({ rules, inspection, sku, vendorCode, lotCode }: Props) {
  const { t } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const [resuming, setResuming] = useState(false);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const done = (state: SwitchingState, message: string) => {
    client.setQueryData(["inspection_severity", sku, vendorCode], state);
    notifications.show({ color: "teal", message });
  };
  const failed = (err: unknown) => {
    const fields = fieldErrors(t, err);
    setErrors(fields);
    const shown = Object.values(fields)[0] ?? errorMessage(t, err);
    notifications.show({ color: "red", message: shown });
  };
  const record = useMutation({
    mutationFn: () =>
      call("record_lot_inspection", {
        sku,
        vendor_code: vendorCode,
        lot_code: lotCode.trim() === "" ? null : lotCode,
        inspection,
      }),
    onSuccess: (state) => done(state, t("aql.lot_recorded")),
    onError: failed,
  });
  const resume = useMutation({
    mutationFn: () => call("resume_inspection", { sku, vendor_code: vendorCode, note }),
    onSuccess: (state) => {
      setResuming(false);
      setNote("");
      done(state, t("aql.resumed"));
    },
    onError: failed,
  });
  return (
    <Group gap="xs" mb="sm">
      {!rules.discontinued && may(session, "log_failure") && (
        <MutationButton size="xs" variant="light" mutation={record} testId="aql-record-accepted">
          {t("aql.record_accepted")}
        </MutationButton>
      )}
      {rules.discontinued && may(session, "configure_quality") && (
        <Button size="xs" color="orange" onClick={() => setResuming(true)} data-testid="aql-resume">
          {t("aql.resume")}
        </Button>
      )}
      <Modal opened={resuming} onClose={() => setResuming(false)} title={t("aql.resume")}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            resume.mutate();
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t("aql.resume_note")}
              description={t("aql.resume_hint")}
              maxLength={TEXT_LIMITS.reason}
              value={note}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setNote(text);
              }}
              error={errors.note}
              autosize
              minRows={2}
              required
              data-testid="aql-resume-note"
            />
            <Group justify="flex-end">
              <Button type="submit" loading={resume.isPending} data-testid="aql-resume-submit">
                {t("aql.resume")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
