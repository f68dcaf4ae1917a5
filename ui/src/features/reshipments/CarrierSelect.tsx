import { NativeSelect, type NativeSelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CARRIERS } from "./types";

/** A choice of the carriers a parcel travels with (reshipments, return labels), by their names. */
export function CarrierSelect(props: Omit<NativeSelectProps, "data">) {
  const { t } = useTranslation();
  const data = CARRIERS.map((c) => ({ value: c, label: t(`reshipment.carrier.${c}`) }));
  return <NativeSelect {...props} data={data} />;
}
