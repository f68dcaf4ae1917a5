import { Alert, Button, Group, List } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Errors of a save that belong to no single field of the form. */
export function FormProblems({ messages }: { messages: string[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <Alert color="red" title={t("masterdata.other_problems")} mt="md" data-testid="form-problems">
      <List size="sm">
        {messages.map((m) => (
          <List.Item key={m}>{m}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The foot of a master-data form: what went wrong beyond its fields, then Cancel and Save. */
export function FormFoot({
  problems,
  onClose,
  pending,
  saveTestId,
}: {
  problems: string[];
  onClose: () => void;
  pending: boolean;
  saveTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormProblems messages={problems} />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t("masterdata.cancel")}
        </Button>
        <Button type="submit" loading={pending} data-testid={saveTestId}>
          {t("masterdata.save")}
        </Button>
      </Group>
    </>
  );
}
