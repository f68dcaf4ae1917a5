import { useQuery } from "@tanstack/react-query";
import { call } from "../backend/call";
import { keys } from "./keys";

/** The lists that forms and filters choose from, read once and shared by every screen. */

/** Every vendor (a page large enough for a picker), for vendor fields and filters. */
export const useAllVendors = () =>
  useQuery({
    queryKey: keys.allVendors,
    queryFn: () => call("list_vendors", { text: null, offset: 0, limit: 1000 }),
  });

/** Every product (a page large enough for a picker), for SKU fields. */
export const useAllProducts = () =>
  useQuery({
    queryKey: keys.allProducts,
    queryFn: () => call("list_products", { text: null, offset: 0, limit: 1000 }),
  });

/** The defect categories, active or not (a record keeps a category that was retired since). */
export const useCategories = () =>
  useQuery({ queryKey: keys.categories, queryFn: () => call("list_defect_categories", {}) });

/** The returns policy in force. */
export const useReturnPolicy = () =>
  useQuery({ queryKey: keys.returnPolicy, queryFn: () => call("get_return_policy", {}) });

/** The approval limits in force. */
export const useApprovalPolicy = () =>
  useQuery({ queryKey: keys.approvalPolicy, queryFn: () => call("get_approval_policy", {}) });

/** The active users, to give a line to or to name who destroyed scrap. */
export const usePeople = () =>
  useQuery({ queryKey: keys.people, queryFn: () => call("list_people", {}) });

/** The accounts, for the administrator. */
export const useUsers = () =>
  useQuery({ queryKey: keys.users, queryFn: () => call("list_users", {}) });

/** The administrator's list of stock locations. */
export const useLocations = () =>
  useQuery({ queryKey: keys.locations, queryFn: () => call("list_locations", {}) });
