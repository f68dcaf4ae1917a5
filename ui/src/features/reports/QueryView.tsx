import { Alert, Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../errors/apiError";

/** A query's loader, its error, or what its data renders as. */
export function QueryView<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center h={160}>
        <Loader />
      </Center>
    );
  }
  if (query.isError) return <Alert color="red">{errorMessage(t, query.error)}</Alert>;
  return <>{children(query.data)}</>;
}
