import { Modal } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { ChangePasswordForm } from "../auth/ChangePasswordForm";

/** A person changes their own password from the user menu. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { setSession } = useSession();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("auth.change_password")}
      data-testid="change-password-modal"
    >
      <ChangePasswordForm
        onChanged={(session) => {
          notifications.show({ color: "teal", message: t("auth.password_changed") });
          setSession(session);
          onClose();
        }}
      />
    </Modal>
  );
}
