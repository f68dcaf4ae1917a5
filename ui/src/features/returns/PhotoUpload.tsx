import { Badge, Button, CloseButton, Group, Paper, Text, Title } from "@mantine/core";
import { IconPaperclip } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentView } from "../../backend/bindings/AttachmentView";
import { call } from "../../backend/call";
import { HiddenFileInput } from "../../components/HiddenFileInput";
import { errorMessage } from "../../errors/apiError";
import { fileToBase64 } from "../failures/files";

/** The customer's photos: uploaded at once as attachments, kept by id. */
export function PhotoUpload({
  photos,
  onChange,
  error,
}: {
  photos: AttachmentView[];
  onChange: (photos: AttachmentView[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const upload = async (files: File[]) => {
    setUploadError(null);
    let list = photos;
    for (const file of files) {
      try {
        const view = await call("upload_attachment", {
          file_name: file.name,
          content_type: file.type,
          data_base64: await fileToBase64(file),
        });
        if (!list.some((a) => a.id === view.id)) list = [...list, view];
        onChange(list);
      } catch (err) {
        setUploadError(`${file.name}: ${errorMessage(t, err)}`);
      }
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t("returns.form.photos")}</Title>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPaperclip size={14} />}
          onClick={() => input.current?.click()}
        >
          {t("returns.form.add_photos")}
        </Button>
      </Group>
      <HiddenFileInput
        ref={input}
        multiple
        accept="image/*,application/pdf"
        testId="rma-photo-input"
        onChange={(e) => {
          void upload(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = "";
        }}
      />
      {photos.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("returns.form.no_photos")}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        {photos.map((a) => (
          <Badge
            key={a.id}
            variant="light"
            data-testid="rma-photo"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t("returns.form.remove_photo", { name: a.file_name })}
                onClick={() => onChange(photos.filter((x) => x.id !== a.id))}
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
