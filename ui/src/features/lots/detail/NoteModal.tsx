import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Note } from "../../../components/Note";
import { submitWith } from "../../../components/submitWith";
import { useTextSubmit } from "./useTextSubmit";

/**
 * A step that needs a written reason or note (hold, release, close a recall): the text is
 * required, and the backend's complaint about it shows next to the field.
 */
export function NoteModal({
  title,
  intro,
  label,
  field,
  submitLabel,
  color,
  testId,
  singleLine = false,
  maxLength,
  children,
  run,
  onClose,
}: {
  title: string;
  intro?: string;
  label: string;
  /** The input's field name, as the backend names it in field errors ("reason", "note"). */
  field: string;
  submitLabel: string;
  color?: string;
  /** `<testId>-<field>` on the text, `<testId>-submit` on the button. */
  testId: string;
  /** A short value (a location) rather than a written note. */
  singleLine?: boolean;
  /** The backend's limit for the text (`TEXT_LIMITS`). */
  maxLength?: number;
  /** Choices that go with the text (which hold to lift, quarantine or not), shown above it. */
  children?: ReactNode;
  run: (text: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { text, setText, error, other, busy, submit } = useTextSubmit(field, async (note) => {
    await run(note);
    onClose();
  });
  const input = {
    label,
    maxLength,
    withAsterisk: true,
    value: text,
    onChange: (e: { currentTarget: { value: string } }) => setText(e.currentTarget.value),
    error,
    "data-testid": `${testId}-${field}`,
    "data-autofocus": true,
  };
  return (
    <Modal opened onClose={onClose} title={title} data-testid={`${testId}-modal`}>
      <form onSubmit={submitWith(() => void submit())}>
        <Stack gap="sm">
          {intro && <Note>{intro}</Note>}
          {children}
          {singleLine ? <TextInput {...input} /> : <Textarea {...input} autosize minRows={3} />}
          {other && (
            <Alert color="red" data-testid={`${testId}-error`}>
              {other}
            </Alert>
          )}
        </Stack>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color={color} loading={busy} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
