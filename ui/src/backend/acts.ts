// Input and output type of every catalogue act; the names match crates/app/src/catalogue.rs.
import type {
  AmendReshipmentInput,
  ApproveReshipmentInput,
  ChargebackInput,
  DeliverInput,
  ListReshipmentsInput,
  ReasonInput,
  ReshipmentDetail,
  ReshipmentNoInput,
  ReshipmentRow,
} from "../features/reshipments/types";
import type { AddChecklistItemInput } from "./bindings/AddChecklistItemInput";
import type { ApprovalPolicy } from "./bindings/ApprovalPolicy";
import type { ApproveDeviationInput } from "./bindings/ApproveDeviationInput";
import type { AqlPlan } from "./bindings/AqlPlan";
import type { AqlPlanInput } from "./bindings/AqlPlanInput";
import type { AttachmentData } from "./bindings/AttachmentData";
import type { AttachmentView } from "./bindings/AttachmentView";
import type { ChecklistItem } from "./bindings/ChecklistItem";
import type { CompleteDispositionInput } from "./bindings/CompleteDispositionInput";
import type { CompleteSetupInput } from "./bindings/CompleteSetupInput";
import type { CorrectFailureInput } from "./bindings/CorrectFailureInput";
import type { CreateUserInput } from "./bindings/CreateUserInput";
import type { CustomerInput } from "./bindings/CustomerInput";
import type { CustomerView } from "./bindings/CustomerView";
import type { DefectCategory } from "./bindings/DefectCategory";
import type { Empty } from "./bindings/Empty";
import type { ExportInput } from "./bindings/ExportInput";
import type { ExportOutput } from "./bindings/ExportOutput";
import type { FailureDetail } from "./bindings/FailureDetail";
import type { FailureNoInput } from "./bindings/FailureNoInput";
import type { FailureRow } from "./bindings/FailureRow";
import type { HoldView } from "./bindings/HoldView";
import type { IdInput } from "./bindings/IdInput";
import type { ImportInput } from "./bindings/ImportInput";
import type { ImportReport } from "./bindings/ImportReport";
import type { ListFailuresInput } from "./bindings/ListFailuresInput";
import type { ListQuery } from "./bindings/ListQuery";
import type { LogFailureInput } from "./bindings/LogFailureInput";
import type { OrderInput } from "./bindings/OrderInput";
import type { OrderNoInput } from "./bindings/OrderNoInput";
import type { OrderView } from "./bindings/OrderView";
import type { Page } from "./bindings/Page";
import type { ProductInput } from "./bindings/ProductInput";
import type { ProductView } from "./bindings/ProductView";
import type { RequestReshipmentInput } from "./bindings/RequestReshipmentInput";
import type { ResetPasswordInput } from "./bindings/ResetPasswordInput";
import type { SearchHit } from "./bindings/SearchHit";
import type { SearchInput } from "./bindings/SearchInput";
import type { Session } from "./bindings/Session";
import type { SetDispositionInput } from "./bindings/SetDispositionInput";
import type { SetMyLanguageInput } from "./bindings/SetMyLanguageInput";
import type { SetupStatus } from "./bindings/SetupStatus";
import type { ShipInput } from "./bindings/ShipInput";
import type { SignInInput } from "./bindings/SignInInput";
import type { SkuInput } from "./bindings/SkuInput";
import type { UpdateUserInput } from "./bindings/UpdateUserInput";
import type { UploadAttachmentInput } from "./bindings/UploadAttachmentInput";
import type { UserView } from "./bindings/UserView";
import type { VendorInput } from "./bindings/VendorInput";
import type { VendorView } from "./bindings/VendorView";

export type Acts = {
  setup_status: [Empty, SetupStatus];
  complete_setup: [CompleteSetupInput, Session];
  sign_in: [SignInInput, Session];
  sign_out: [Empty, Empty];
  current_session: [Empty, Session | null];
  set_my_language: [SetMyLanguageInput, UserView];
  list_users: [Empty, UserView[]];
  create_user: [CreateUserInput, UserView];
  update_user: [UpdateUserInput, UserView];
  reset_password: [ResetPasswordInput, UserView];
  list_products: [ListQuery, Page<ProductView>];
  save_product: [ProductInput, ProductView];
  list_vendors: [ListQuery, Page<VendorView>];
  save_vendor: [VendorInput, VendorView];
  list_customers: [ListQuery, Page<CustomerView>];
  save_customer: [CustomerInput, CustomerView];
  list_orders: [ListQuery, Page<OrderView>];
  get_order: [OrderNoInput, OrderView];
  save_order: [OrderInput, OrderView];
  import_csv: [ImportInput, ImportReport];
  export_csv: [ExportInput, ExportOutput];
  aql_plan: [AqlPlanInput, AqlPlan];
  list_defect_categories: [Empty, DefectCategory[]];
  save_defect_category: [DefectCategory, DefectCategory];
  upload_attachment: [UploadAttachmentInput, AttachmentView];
  get_attachment: [IdInput, AttachmentData];
  log_failure: [LogFailureInput, FailureDetail];
  list_failures: [ListFailuresInput, Page<FailureRow>];
  get_failure: [FailureNoInput, FailureDetail];
  correct_failure: [CorrectFailureInput, FailureDetail];
  set_disposition: [SetDispositionInput, FailureDetail];
  complete_disposition: [CompleteDispositionInput, FailureDetail];
  approve_deviation: [ApproveDeviationInput, FailureDetail];
  add_checklist_item: [AddChecklistItemInput, ChecklistItem];
  get_checklist: [SkuInput, ChecklistItem[]];
  list_holds: [Empty, HoldView[]];
  search: [SearchInput, SearchHit[]];
  list_reshipments: [ListReshipmentsInput, Page<ReshipmentRow>];
  get_reshipment: [ReshipmentNoInput, ReshipmentDetail];
  request_reshipment: [RequestReshipmentInput, ReshipmentDetail];
  approve_reshipment: [ApproveReshipmentInput, ReshipmentDetail];
  reject_reshipment: [ReasonInput, ReshipmentDetail];
  cancel_reshipment: [ReasonInput, ReshipmentDetail];
  amend_reshipment: [AmendReshipmentInput, ReshipmentDetail];
  ship_reshipment: [ShipInput, ReshipmentDetail];
  deliver_reshipment: [DeliverInput, ReshipmentDetail];
  update_chargeback: [ChargebackInput, ReshipmentDetail];
  get_approval_policy: [Empty, ApprovalPolicy];
  set_approval_policy: [ApprovalPolicy, ApprovalPolicy];
};
