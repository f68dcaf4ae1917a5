import { useAct } from "./act";
import { keys } from "./keys";

/** The lists that forms and filters choose from, read once and shared by every screen. */

/** Every vendor (a page large enough for a picker), for vendor fields and filters. */
export const useAllVendors = () =>
  useAct(keys.allVendors, "list_vendors", { text: null, offset: 0, limit: 1000 });

/** Every product (a page large enough for a picker), for SKU fields. */
export const useAllProducts = () =>
  useAct(keys.allProducts, "list_products", { text: null, offset: 0, limit: 1000 });

/** The defect categories, active or not (a record keeps a category that was retired since). */
export const useCategories = () => useAct(keys.categories, "list_defect_categories", {});

/** The returns policy in force. */
export const useReturnPolicy = () => useAct(keys.returnPolicy, "get_return_policy", {});

/** The approval limits in force. */
export const useApprovalPolicy = () => useAct(keys.approvalPolicy, "get_approval_policy", {});

/** The active users, to give a line to or to name who destroyed scrap. */
export const usePeople = () => useAct(keys.people, "list_people", {});

/** The accounts, for the administrator. */
export const useUsers = () => useAct(keys.users, "list_users", {});

/** The administrator's list of stock locations. */
export const useLocations = () => useAct(keys.locations, "list_locations", {});
