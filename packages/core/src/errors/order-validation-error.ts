import { PeekerError } from './peeker-error.ts';

/** One problem found in an order request. */
export interface OrderIssue {
  /** Where the problem is, as a JSON path such as `personas[2].first_name` or `domains`. */
  path: string;
  /** Machine-readable code, e.g. `required`, `invalid_url`, `domain_count_mismatch`, `not_orderable`. */
  code: string;
  /** Human-readable explanation. */
  message: string;
  /** Extra data for some codes (e.g. `required_count`, `submitted_count`, `missing_count`). */
  details?: Record<string, unknown>;
}

/**
 * Thrown by `buildOrderRequest` when the input cannot become a valid `POST /orders` body.
 * `issues` lists **every** problem found, not only the first.
 */
export class OrderValidationError extends PeekerError {
  /** Every problem found, in field order. */
  readonly issues: readonly OrderIssue[];

  constructor(issues: readonly OrderIssue[]) {
    const head = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
    super('invalid_order', `Invalid order request: ${head}${more}`);
    this.name = 'OrderValidationError';
    this.issues = issues;
  }
}
