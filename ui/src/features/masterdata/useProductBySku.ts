import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProductView } from "../../backend/bindings/ProductView";
import { call } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";

/**
 * The product a link names, looked up once per SKU: not a live query, so that saving the product
 * (which refreshes the product lists) does not open its drawer again after it was closed.
 */
export function useProductBySku(sku: string | null): ProductView | null {
  const { t } = useTranslation();
  const [product, setProduct] = useState<ProductView | null>(null);
  useEffect(() => {
    if (!sku) return;
    let live = true;
    // There is no act to get one product: the text search finds it among its near namesakes.
    call("list_products", { text: sku, offset: 0, limit: 50 })
      .then((page) => {
        if (!live) return;
        const hit = page.rows.find((p) => p.sku === sku);
        if (hit) setProduct(hit);
        else
          notifications.show({
            color: "red",
            message: t("masterdata.products.not_found", { sku }),
          });
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
