import type { AttachmentView } from "../../backend/bindings/AttachmentView";
import { AttachmentsPanel } from "../failures/AttachmentsPanel";

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
  return (
    <AttachmentsPanel
      attachments={photos}
      onChange={onChange}
      accept="image/*,application/pdf"
      error={error}
      radius="md"
      text={{ prefix: "returns.form", remove: "remove_photo" }}
      testIds={{ input: "rma-photo-input", badge: "rma-photo" }}
    />
  );
}
