import { useNavigate } from "@tanstack/react-router";
import { useCallback } from "react";
import type { FailureFilter } from "../../backend/bindings/FailureFilter";
import { failuresSearch } from "./links";

/** Opens the failures list filtered to the records behind a figure; null when it cannot be. */
export function useOpenFailures(): (filter: FailureFilter) => void {
  const navigate = useNavigate();
  return useCallback(
    (filter: FailureFilter) => {
      const search = failuresSearch(filter);
      if (search) void navigate({ to: "/failures", search });
    },
    [navigate],
  );
}
