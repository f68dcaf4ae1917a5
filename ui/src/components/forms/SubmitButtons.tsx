import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The foot of every form: Cancel (when there is somewhere to go back to), then the submit
 * button, Save unless `label` says otherwise. Inside a `<form>` the button submits it; a form
 * that is not one passes `onSubmit`.
 */
export function SubmitButtons({
  onCancel,
  onSubmit,
  pending,
  disabled,
  label,
  color,
  testId,
  mt,
}: {
  onCancel?: () => void;
  onSubmit?: () => void;
  pending: boolean;
  /** Until the form has what it needs (nothing chosen yet). */
  disabled?: boolean;
  label?: string;
  color?: string;
  testId?: string;
  mt?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      )}
      <Button
        type={onSubmit ? "button" : "submit"}
        onClick={onSubmit}
        loading={pending}
        disabled={disabled}
        color={color}
        data-testid={testId}
      >
        {label ?? t("common.save")}
      </Button>
    </Group>
  );
}

/** A form whose Enter submits it, its fields, then `SubmitButtons` at its foot. */
export function SubmitForm({
  onSubmit,
  children,
  ...buttons
}: Omit<Parameters<typeof SubmitButtons>[0], "onSubmit" | "mt"> & {
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <SubmitButtons {...buttons} mt="md" />
    </form>
  );
}

/** How a modal's or drawer's caller names its submit button: Save unless `submitLabel` says otherwise. */
export type SubmitSpec = { submitLabel?: string; submitColor?: string; submitTestId?: string };

/** The form inside a modal or drawer: Cancel closes the frame. */
export function FrameForm({
  spec,
  onClose,
  onSubmit,
  pending,
  children,
}: {
  spec: SubmitSpec;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  children: ReactNode;
}) {
  const { submitLabel: label, submitColor: color, submitTestId: testId } = spec;
  return (
    <SubmitForm {...{ onSubmit, pending, label, color, testId }} onCancel={onClose}>
      {children}
    </SubmitForm>
  );
}
