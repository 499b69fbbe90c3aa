import { PeekerError } from './peeker-error.ts';

/** Why a webhook delivery was rejected. */
export const WebhookFailure = {
  missingHeader: 'missing_header',
  invalidTimestamp: 'invalid_timestamp',
  timestampOutOfTolerance: 'timestamp_out_of_tolerance',
  invalidSignature: 'invalid_signature',
  invalidPayload: 'invalid_payload',
} as const;
/** One of the {@link WebhookFailure} codes. */
export type WebhookFailure = (typeof WebhookFailure)[keyof typeof WebhookFailure];

/** Thrown by `verifyWebhook` when a delivery must not be trusted or cannot be read. */
export class WebhookVerificationError extends PeekerError {
  declare readonly code: WebhookFailure;
  constructor(code: WebhookFailure, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'WebhookVerificationError';
  }
}
