import { Alert, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../errors/apiError";

/**
 * What a page shows until its query succeeds: a spinner, or why it failed. Pages write
 * `if (!query.isSuccess) return <QueryState query={query} />;` and then read `query.data`.
 */
export function QueryState({
  query,
  errorTestId,
}: {
  query: { isError: boolean; error: unknown };
  errorTestId?: string;
}) {
  const { t } = useTranslation();
  if (!query.isError) return <Loader />;
  return (
    <Alert color="red" data-testid={errorTestId}>
      {errorMessage(t, query.error)}
    </Alert>
  );
}
