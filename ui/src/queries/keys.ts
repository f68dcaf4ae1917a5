/**
 * The keys of the queries more than one screen reads or refreshes. A step that changes a record
 * refreshes these by prefix: `keys.failures` also refreshes every filtered failure list.
 */
export const keys = {
  failure: (failureNo: string | null) => ["failure", failureNo] as const,
  failures: ["failures"] as const,
  reshipment: (reshipmentNo: string) => ["reshipment", reshipmentNo] as const,
  reshipments: ["reshipments"] as const,
  rma: (rmaNo: string | null) => ["rma", rmaNo] as const,
  rmas: ["rmas"] as const,
  lot: (lotCode: string) => ["lot", lotCode] as const,
  recall: (recallNo: string) => ["recall", recallNo] as const,
  scar: (scarNo: string) => ["scar", scarNo] as const,
  workOrder: (workOrderNo: string) => ["work_order", workOrderNo] as const,
  workOrders: ["work_orders"] as const,
  complaint: (complaintNo: string) => ["complaint", complaintNo] as const,
  complaints: ["complaints"] as const,
  holds: ["holds"] as const,
  order: (orderNo: string) => ["order", orderNo] as const,
  orders: ["orders"] as const,
  categories: ["categories"] as const,
  locations: ["locations"] as const,
  users: ["users"] as const,
  people: ["people"] as const,
  allVendors: ["vendors", "all"] as const,
  allProducts: ["products", "all"] as const,
  returnPolicy: ["return-policy"] as const,
  approvalPolicy: ["approval-policy"] as const,
};
