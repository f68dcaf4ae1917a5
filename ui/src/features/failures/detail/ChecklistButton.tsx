import { Button, List, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconListCheck } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import { TEXT_LIMITS } from "../../../backend/bindings/textLimits";
import { call } from "../../../backend/call";
import { ActionModal } from "../../../components/actions/ActionModal";
import { useFieldSave } from "../../../components/forms/DrawerForm";
import { NoteField } from "../../../components/forms/NoteField";

/** Turns a failure into a check the next inspection of the same product will show. */
export function ChecklistButton({ failure }: { failure: FailureDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const checklist = useQuery({
    queryKey: ["checklist", failure.sku],
    queryFn: () => call("get_checklist", { sku: failure.sku }),
    enabled: open,
  });
  const {
    save: add,
    errors,
    setErrors,
  } = useFieldSave(
    () => call("add_checklist_item", { sku: failure.sku, text, failure_no: failure.failure_no }),
    () => {
      void client.invalidateQueries({ queryKey: ["checklist", failure.sku] });
      notifications.show({
        color: "teal",
        message: t("failure_detail.checklist_added", { sku: failure.sku }),
      });
      setOpen(false);
    },
  );
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconListCheck size={16} />}
        onClick={() => {
          setText(failure.description);
          setErrors({});
          setOpen(true);
        }}
        data-testid="failure-add-checklist"
      >
        {t("failure_detail.add_checklist")}
      </Button>
      {open && (
        <ActionModal
          title={t("failure_detail.add_checklist")}
          size="lg"
          onClose={() => setOpen(false)}
          onSubmit={() => add.mutate()}
          pending={add.isPending}
          submitLabel={t("failure_detail.add_checklist")}
          submitTestId="checklist-submit"
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("failure_detail.checklist_explain", { sku: failure.sku })}
            </Text>
            <NoteField
              label={t("failure_detail.checklist_text")}
              max={TEXT_LIMITS.line}
              text={[text, setText]}
              error={errors.text}
              autosize
              minRows={2}
              data-testid="checklist-text"
            />
            {(checklist.data?.length ?? 0) > 0 && (
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {t("failure_detail.checklist_current")}
                </Text>
                <List size="sm">
                  {checklist.data?.map((item) => (
                    <List.Item key={item.id}>{item.text}</List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </Stack>
        </ActionModal>
      )}
    </>
  );
}
