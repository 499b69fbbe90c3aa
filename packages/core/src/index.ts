/**
 * `@peeker/core`: the browser-safe engine. No Node built-ins, no undici: it runs in
 * browsers, Node and edge runtimes. Server-only parts live in `@peeker/core/server`.
 *
 * Every public name is listed here by hand (no `export *`), in data-flow order:
 * errors → sizing → domains → candidates → availability → solver → order → webhooks.
 * @packageDocumentation
 */

// errors
export { PeekerError } from './errors/peeker-error.ts';
export type { PeekerErrorCode, PeekerErrorOptions } from './errors/peeker-error.ts';
export { PeekerApiError } from './errors/peeker-api-error.ts';
export type { PeekerApiErrorInit } from './errors/peeker-api-error.ts';
export { OrderValidationError } from './errors/order-validation-error.ts';
export type { OrderIssue } from './errors/order-validation-error.ts';
export { WebhookVerificationError, WebhookFailure } from './errors/webhook-verification-error.ts';

// sizing
export { estimateRequiredDomains } from './sizing/estimate-required-domains.ts';
export type { SizingOptions } from './sizing/estimate-required-domains.ts';
export type { Bundle, BundleSizing, RequiredDomains } from './sizing/bundle.ts';

// domains
export { normalizeDomain } from './domains/normalize-domain.ts';
export { normalizeHostname } from './domains/normalize-hostname.ts';
export { parseDomainList } from './domains/parse-domain-list.ts';
export { displayDomain } from './domains/display-domain.ts';
export { DomainWarningCode, domainWarnings, type DomainWarning } from './domains/domain-warnings.ts';
export { compareNames } from './domains/compare-names.ts';

// candidates
export { generateCandidates } from './candidates/generate-candidates.ts';
export type { Candidate, CandidateOptions } from './candidates/generate-candidates.ts';
export { CandidatePattern } from './candidates/candidate-pattern.ts';
export { DEFAULT_TLDS } from './candidates/default-tlds.ts';
export { DEFAULT_PROTECTED_BRANDS } from './candidates/protected-brands.ts';

// availability
export { Provider, UnavailableReason } from './availability/availability-row.ts';
export type { AvailabilityRow } from './availability/availability-row.ts';
export { RowStatus, classifyRow, isOrderable } from './availability/row-status.ts';
export type { RowClassification } from './availability/row-status.ts';
export { createAvailabilityChecker } from './availability/create-availability-checker.ts';
export type {
  AvailabilityChecker,
  AvailabilityCheckerOptions,
  AvailabilityTransport,
  BatchErrorHandler,
  CheckOptions,
  CheckProgress,
} from './availability/create-availability-checker.ts';
export { createFetchTransport } from './availability/create-fetch-transport.ts';
export type { FetchTransportOptions } from './availability/create-fetch-transport.ts';
export { parseAvailabilityResponse } from './availability/parse-availability-response.ts';
export { createMemoryAvailabilityCache, isCacheableRow } from './availability/availability-cache.ts';
export type { AvailabilityCache, MemoryAvailabilityCache, MemoryAvailabilityCacheOptions } from './availability/availability-cache.ts';
export { createMemoryRequestBudget } from './availability/request-budget.ts';
export type { RequestBudgetStore, MemoryRequestBudgetOptions } from './availability/request-budget.ts';

// solver
export { solveSelection } from './solver/solve-selection.ts';
export { assignSlots } from './solver/assign-slots.ts';
export type { ChosenName, SlotAssignment } from './solver/assign-slots.ts';
export type {
  Pin,
  SelectionProblem,
  SelectionCost,
  SelectionResult,
  OptimalSelection,
  InfeasibleSelection,
} from './solver/selection-problem.ts';

// pick: the one workflow from a brand to the cheapest valid selection
export { pickDomains } from './pick/pick-domains.ts';
export type { PickDomainsOptions, PickOutcome, PickNotice, PickProgress, PickCheck } from './pick/pick-domains.ts';
export { solveWithDiversity, defaultPatternCap } from './pick/solve-with-diversity.ts';
export type { DiversityProblem, DiversityResult } from './pick/solve-with-diversity.ts';

// order
export { buildOrderRequest } from './order/build-order-request.ts';
export type { BuildOrderOptions } from './order/build-order-request.ts';
export { buildOrderDraft } from './order/build-order-draft.ts';
export type { BuildOrderDraftOptions } from './order/build-order-draft.ts';
export type { OrderInput, OrderCheckOptions } from './order/validate-order-input.ts';
export { serializeOrderRequest } from './order/serialize-order-request.ts';
export type {
  OrderRequest,
  OrderDraft,
  OrderDomain,
  Persona,
  SequencerSettings,
} from './order/order-request.ts';

// webhooks
export { verifyWebhook } from './webhooks/verify-webhook.ts';
export type { VerifyWebhookOptions } from './webhooks/verify-webhook.ts';
export { signWebhook } from './webhooks/sign-webhook.ts';
export type { SignWebhookOptions, SignedWebhookHeaders } from './webhooks/sign-webhook.ts';
export type { WebhookEvent, WebhookEventType } from './webhooks/webhook-event.ts';
export type { OrderStatusEvent } from './webhooks/order-status-event.ts';
