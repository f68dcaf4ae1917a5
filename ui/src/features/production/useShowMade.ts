import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";

type Navigate = ReturnType<typeof useNavigate>;

/** Once a form has made a record: close the form, `open` the record's page, and say it is saved. */
export function useShowMade(onClose: () => void) {
  const navigate = useNavigate();
  return (message: string, open: (navigate: Navigate) => Promise<void>) => {
    onClose();
    void open(navigate);
    notifications.show({ color: "teal", message });
  };
}
