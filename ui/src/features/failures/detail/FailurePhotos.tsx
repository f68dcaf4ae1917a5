import {
  Group,
  Image,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { IconFileText } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentView } from "../../../backend/bindings/AttachmentView";
import { call } from "../../../backend/call";

const isImage = (a: AttachmentView) => a.content_type.startsWith("image/");

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function useDataUrl(id: string) {
  return useQuery({
    queryKey: ["attachment", id],
    queryFn: async () => {
      const data = await call("get_attachment", { id });
      return `data:${data.content_type};base64,${data.data_base64}`;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function Photo({
  attachment,
  onOpen,
}: {
  attachment: AttachmentView;
  onOpen: (url: string) => void;
}) {
  const url = useDataUrl(attachment.id);
  if (!url.data) return <Skeleton h={140} />;
  const src = url.data;
  return (
    <UnstyledButton onClick={() => onOpen(src)} title={attachment.file_name}>
      <Image
        src={src}
        h={140}
        fit="cover"
        radius="sm"
        alt={attachment.file_name}
        data-testid="failure-photo"
      />
    </UnstyledButton>
  );
}

/** Photos as thumbnails that open full size; other documents as a named list. */
export function FailurePhotos({ attachments }: { attachments: AttachmentView[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const photos = attachments.filter(isImage);
  const documents = attachments.filter((a) => !isImage(a));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        {t("failure_detail.photos", { count: attachments.length })}
      </Title>
      {attachments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("failure_detail.no_photos")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
        {photos.map((a) => (
          <Photo key={a.id} attachment={a} onOpen={setOpen} />
        ))}
      </SimpleGrid>
      {documents.length > 0 && (
        <Stack gap={4} mt="sm">
          {documents.map((a) => (
            <Group key={a.id} gap="xs" data-testid="failure-document">
              <IconFileText size={16} />
              <Text size="sm">{a.file_name}</Text>
              <Text size="xs" c="dimmed">
                {sizeLabel(a.size)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="xl"
        centered
        withCloseButton
      >
        {open && <Image src={open} fit="contain" mah="75vh" />}
      </Modal>
    </Paper>
  );
}
