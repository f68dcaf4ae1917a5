import { Alert, Button, Group, List } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * The foot of a page's form: the save's errors that belong to no field, then (when the page
 * has somewhere to go back to) Cancel, and the submit button.
 */
export function FormFooter({
  problems,
  problemsTestId,
  pending,
  submitLabel,
  submitTestId,
  cancel = false,
  editable = true,
}: {
  problems: string[];
  problemsTestId?: string;
  pending: boolean;
  /** Save when not given. */
  submitLabel?: string;
  submitTestId: string;
  /** Offer Cancel, which goes back to where the user came from. */
  cancel?: boolean;
  /** False when the user may only read the form: no buttons then. */
  editable?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {problems.length > 0 && (
        <Alert color="red" data-testid={problemsTestId}>
          <List size="sm">
            {problems.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {editable && (
        <Group justify="flex-end">
          {cancel && (
            <Button variant="default" onClick={() => window.history.back()}>
              {t("common.cancel")}
            </Button>
          )}
          <Button type="submit" loading={pending} data-testid={submitTestId}>
            {submitLabel ?? t("common.save")}
          </Button>
        </Group>
      )}
    </>
  );
}
