import { Alert, List } from "@mantine/core";
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
