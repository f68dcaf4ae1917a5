import { Badge, Button, CloseButton, Group, Paper, Text, Title } from "@mantine/core";
import { IconPaperclip } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentView } from "../../backend/bindings/AttachmentView";
import { call } from "../../backend/call";
import { HiddenFileInput } from "../../components/HiddenFileInput";
import { errorMessage } from "../../errors/apiError";
import { fileToBase64 } from "./files";

/**
 * Photos and documents for a record being written (a failure, an RMA): each file is uploaded as
 * soon as it is chosen, and kept by id; a file uploaded twice is kept once. The words and test
 * ids are the form's own.
 */
export function AttachmentsPanel({
  attachments,
  onChange,
  accept,
  error,
  radius,
  text,
  testIds,
}: {
  attachments: AttachmentView[];
  onChange: (attachments: AttachmentView[]) => void;
  accept: string;
  /** The form's own complaint about its attachments, shown when no upload failed. */
  error?: string;
  radius?: "md";
  /**
   * The form's i18n keys: `${prefix}.photos`, `.add_photos` and `.no_photos`, and `${prefix}.${remove}`
   * on a file's remove button.
   */
  text: { prefix: string; remove: string };
  testIds: { input: string; badge: string };
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  // Uploads take a while: a second batch picked meanwhile, or a file removed meanwhile, must not
  // be undone by an upload that started from the list as it was.
  const latest = useRef(attachments);
  latest.current = attachments;
  const upload = async (files: File[]) => {
    setUploadError(null);
    for (const file of files) {
      try {
        const view = await call("upload_attachment", {
          file_name: file.name,
          content_type: file.type,
          data_base64: await fileToBase64(file),
        });
        const list = latest.current;
        if (!list.some((a) => a.id === view.id)) {
          latest.current = [...list, view];
          onChange(latest.current);
        }
      } catch (err) {
        setUploadError(`${file.name}: ${errorMessage(t, err)}`);
      }
    }
  };
  return (
    <Paper withBorder p="md" radius={radius}>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t(`${text.prefix}.photos`)}</Title>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPaperclip size={14} />}
          onClick={() => input.current?.click()}
        >
          {t(`${text.prefix}.add_photos`)}
        </Button>
      </Group>
      <HiddenFileInput
        ref={input}
        testId={testIds.input}
        multiple
        accept={accept}
        onChange={(e) => {
          void upload(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = "";
        }}
      />
      {attachments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(`${text.prefix}.no_photos`)}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        {attachments.map((a) => (
          <Badge
            key={a.id}
            variant="light"
            data-testid={testIds.badge}
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t(`${text.prefix}.${text.remove}`, { name: a.file_name })}
                onClick={() => onChange(attachments.filter((x) => x.id !== a.id))}
              />
            }
          >
            {a.file_name}
          </Badge>
        ))}
      </Group>
      {(uploadError ?? error) && (
        <Text c="red" size="sm" mt="xs">
          {uploadError ?? error}
        </Text>
      )}
    </Paper>
  );
}
