/**
 * Third-party brands a candidate must never contain or closely resemble (domain-rules §3):
 * mail providers, big platforms, payment, banking and shipping brands, and the services most
 * often imitated in phishing. `generateCandidates` rejects a name whose label (hyphens
 * removed) contains one of these, or is within one edit of it (two for names of eight letters
 * or more). The customer's own brand is exempt: a brand that contains or resembles an entry
 * switches that entry off for its own candidates.
 *
 * Partners extend the list through the `protectedBrands` option (it replaces the default, so
 * spread this constant to keep it).
 *
 * @example
 * ```ts
 * generateCandidates({ brand: 'acme', protectedBrands: [...DEFAULT_PROTECTED_BRANDS, 'globex'] });
 * ```
 */
export const DEFAULT_PROTECTED_BRANDS: readonly string[] = Object.freeze([
  // mail and productivity
  'google', 'gmail', 'youtube', 'microsoft', 'outlook', 'hotmail', 'office', 'onedrive',
  'azure', 'apple', 'icloud', 'yahoo', 'zoom', 'dropbox', 'docusign', 'adobe', 'okta',
  // platforms and social
  'amazon', 'facebook', 'meta', 'instagram', 'whatsapp', 'linkedin', 'twitter', 'netflix',
  'salesforce', 'hubspot', 'shopify',
  // payments and banking
  'paypal', 'stripe', 'visa', 'mastercard', 'amex', 'coinbase', 'binance', 'wellsfargo',
  'chase',
  // shipping
  'fedex', 'ups', 'dhl', 'usps',
]);
