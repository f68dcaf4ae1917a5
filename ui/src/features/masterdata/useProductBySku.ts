import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProductView } from "../../backend/bindings/ProductView";
import { call } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";

/**
 * The product a link names, fetched once per SKU by `get_product`: not a live query, so that
 * saving the product (which refreshes the product lists) does not open its drawer again after
 * it was closed. An unknown SKU is the backend's own "there is no product" message.
 */
export function useProductBySku(sku: string | null): ProductView | null {
  const { t } = useTranslation();
  const [product, setProduct] = useState<ProductView | null>(null);
  useEffect(() => {
    if (!sku) return;
    let live = true;
    call("get_product", { sku })
      .then((found) => {
        if (live) setProduct(found);
      })
      .catch((err) => {
        if (live) notifications.show({ color: "red", message: errorMessage(t, err) });
      });
    return () => {
      live = false;
    };
  }, [sku, t]);
  return product;
}
