/**
 * Every piece of text `<peeker-domain-picker>` shows or announces. Plurals and
 * interpolation are functions, so a translation controls word order and plural rules.
 * Prices arrive already formatted (`Intl.NumberFormat` in the element's locale).
 *
 * Hosts pass a partial override through the element's `messages` property; missing keys
 * fall back to {@link defaultMessages} (English).
 *
 * @example
 * ```ts
 * picker.messages = {
 *   fillCheapest: 'Günstigste wählen',
 *   googleMeter: (have, need) => `Google ${have} von ${need}`,
 * };
 * ```
 */
export interface PeekerMessages {
  /** Label of the brand input. */
  brandLabel: string;
  /** Placeholder of the brand input. */
  brandPlaceholder: string;
  /** Help text under the brand input. */
  brandHint: string;
  /** Text shown when the brand cannot be used; gets {@link PeekerMessages.errorReason}'s reason. */
  brandRejected: (reason: string) => string;
  /** Visible label of the results list. */
  resultsLabel: string;
  /** Short keyboard help for the results list. */
  resultsHelp: string;
  /** Shown instead of the list before any name is checked. */
  emptyResults: string;
  /** Row status: waiting for an answer. */
  statusChecking: string;
  /** Row status: can be ordered. */
  statusAvailable: string;
  /** Row status: registered by someone. */
  statusTaken: string;
  /** Row status: premium (never ordered through the API). */
  statusPremium: string;
  /** Row status: not a valid registrable name; gets the local explanation when there is one. */
  statusInvalid: (why: string | undefined) => string;
  /** Row status: the check failed. */
  statusError: string;
  /** Row status: Peeker's cached answer expired. */
  statusStale: string;
  /** Capability text of a row. */
  usableFor: (google: boolean, microsoft: boolean) => string;
  /**
   * Flag on a Google-only row once every Google slot is filled and Microsoft slots are still
   * open (then the name cannot help). Says only the consequence: the row already reads
   * {@link PeekerMessages.usableFor}'s "Google only".
   */
  googleOnlyFlag: string;
  /**
   * Flag on an internationalised name whose label mixes scripts (`аcme.com` with a Cyrillic
   * `а`) or is written in Latin look-alike letters; `lookalike` is the ASCII name it reads
   * like, or `null` (core's `domainWarnings`).
   */
  lookalikeFlag: (lookalike: string | null) => string;
  /** First-year price of a row. */
  firstYearPrice: (price: string) => string;
  /** Renewal price of a row. */
  renewalPrice: (price: string) => string;
  /** Age of an answer, e.g. `checked 2 minutes ago`; gets `Intl.RelativeTimeFormat` text. */
  checkedAgo: (relative: string) => string;
  /** Age of a failed or expired check (`last tried now`): such a row was not checked. */
  triedAgo: (relative: string) => string;
  /** Marker on rows the customer picked by hand (they survive "Fill cheapest"). */
  pickedByHand: string;
  /** Marker on a hand-picked name kept from an earlier brand (the brand changed since). */
  keptFromEarlierBrand: string;
  /** Google meter. */
  googleMeter: (have: number, need: number) => string;
  /** Microsoft meter. */
  microsoftMeter: (have: number, need: number) => string;
  /** Count of chosen names when there is no requirement or as a summary line. */
  chosenCount: (chosen: number, total: number) => string;
  /** Progress bar text. */
  progress: (done: number, total: number) => string;
  /** Polite live-region announcement of the counts. */
  announceCounts: (counts: {
    available: number;
    checked: number;
    google: number;
    googleNeed: number;
    microsoft: number;
    microsoftNeed: number;
  }) => string;
  /** Button: let the solver complete the selection. */
  fillCheapest: string;
  /** Button: clear the selection. */
  clearSelection: string;
  /** Button: confirm the selection. */
  confirm: string;
  /** Button: confirm again after the final re-check changed something. */
  confirmAgain: string;
  /** Button: leave the review and keep editing. */
  keepEditing: string;
  /** Status while the chosen names are re-checked before confirming. */
  rechecking: string;
  /** Shown once the host accepted the selection. */
  confirmed: string;
  /** Label of the paste box. */
  pasteLabel: string;
  /** Hint under the paste box. */
  pasteHint: string;
  /** Button: check the pasted names. */
  checkList: string;
  /** Pasted entries that are not domain names. */
  pasteInvalid: (entries: readonly string[]) => string;
  /** Title of the summary. */
  summaryTitle: string;
  /** Label of the first-year total. */
  firstYearTotal: string;
  /** Label of the renewal total. */
  renewalTotal: string;
  /** Label of the total over the cost horizon (shown when `years` > 1). */
  horizonTotal: (years: number) => string;
  /** A total while no checked name has a price yet (no currency to show). */
  noTotal: string;
  /** Label of the list of chosen names in the summary. */
  chosenListLabel: string;
  /** Shown instead of that list while nothing is chosen. */
  noneChosen: string;
  /** Slot of a chosen name: Google. */
  slotGoogle: string;
  /** Slot of a chosen name: Microsoft. */
  slotMicrosoft: string;
  /** A chosen name the order has no slot for. */
  slotExtra: string;
  /** A chosen name that cannot be ordered (taken, premium, not yet checked). */
  slotUnusable: string;
  /** Visible text of the remove button of a chosen name. */
  remove: string;
  /** Accessible name of that button. */
  removeName: (domain: string) => string;
  /**
   * What the exact optimiser saved against picking the cheapest first-year names that fit,
   * over the cost horizon (shown only when it saved something).
   */
  savings: (amount: string, years: number) => string;
  /** Accessible name of the cost picture. */
  costPictureLabel: (firstYear: string, renewals: string, years: number) => string;
  /** Cost picture: the first-year bar. */
  costFirstYear: string;
  /** Cost picture: the renewals bar (years 2 to `years`; one year after when `years` is 1). */
  costRenewals: (years: number) => string;
  /** What is still missing before the selection is complete, and what to do. */
  missing: (google: number, microsoft: number) => string;
  /** Too many names chosen. */
  tooMany: (extra: number, total: number) => string;
  /** Chosen names that cannot be ordered (taken, premium, not yet checked). */
  unusableChosen: (domains: readonly string[]) => string;
  /** Form validation message while the requirement is not met; gets what is wrong and what to do. */
  valueMissing: (problem: string) => string;
  /** "Fill cheapest" found no checked name to choose from. */
  fillNothing: string;
  /** "Fill cheapest" found the current selection already the cheapest. */
  fillUnchanged: string;
  /** Shown when the diversity cap had to be relaxed. */
  diversityRelaxed: string;
  /** Shown when every idea was checked and the requirement still cannot be met. */
  ideasExhausted: string;
  /** Button: download the selection as CSV. */
  downloadCsv: string;
  /** Button: download every checked row as CSV. */
  downloadResults: string;
  /** Button: download the order payload as JSON. */
  downloadJson: string;
  /** Button: retry failed checks. */
  retry: string;
  /** How many names could not be checked. */
  failedCount: (count: number) => string;
  /** A check failed as a whole; gets {@link PeekerMessages.errorReason}'s reason. */
  checkFailed: (message: string) => string;
  /**
   * Why something failed, from a `PeekerError` code (`network_error`, `rate_limited`,
   * `invalid_brand`, …). `fallback` is the error's own (English, developer-facing) message,
   * for codes this catalogue does not know; translations should map the codes they care about.
   */
  errorReason: (code: string, fallback: string) => string;
  /**
   * Why the requirement cannot be met with the names found so far: how many more names each
   * side needs (the solver's `shortfall`).
   */
  shortfall: (need: { google: number; microsoft: number; total: number }) => string;
  /** The host's `order` property is missing or has bad fields (their paths, e.g. `user`). */
  orderInvalid: (fields: readonly string[]) => string;
  /** A part of the picker loaded on first use (downloads, paste box, review) could not be loaded. */
  loadFailed: string;
  /** Neither `endpoint` nor `checkAvailability` is set. */
  noTransport: string;
  /** Title of the review after the final re-check changed the selection. */
  reviewTitle: string;
  /** A chosen name became unavailable and was replaced. */
  swapped: (removed: string, reason: string, added: string) => string;
  /** A chosen name became unavailable and nothing could replace it. */
  removed: (removed: string, reason: string) => string;
  /** A chosen name's price changed. */
  priceChanged: (domain: string, before: string, after: string) => string;
  /** New totals after a review. */
  newTotal: (firstYear: string, renewal: string) => string;
  /** Warm-up reminder shown in the summary. */
  warmUp: string;
  /** Accessible name of the sort and filter controls. */
  toolbarLabel: string;
  /** Label of the sort menu. */
  sortLabel: string;
  /** Sort: generation order (best ideas first). */
  sortBest: string;
  /** Sort: lowest cost over the horizon first. */
  sortPrice: string;
  /** Sort: by name. */
  sortName: string;
  /** Label of the provider filter. */
  providerLabel: string;
  /** Provider filter: any. */
  providerAny: string;
  /** Provider filter: names that can fill a Microsoft slot. */
  providerMicrosoft: string;
  /** Provider filter: Google-only names. */
  providerGoogleOnly: string;
  /** Label of the TLD filter. */
  tldLabel: string;
  /** TLD filter: every TLD. */
  tldAny: string;
  /** Checkbox: hide names that cannot be ordered. */
  availableOnly: string;
  /** How many rows the filters show. */
  showing: (shown: number, total: number) => string;
  /** Status while the partner's order endpoint places the order (`order-endpoint`). */
  placingOrder: string;
  /** The order endpoint accepted the order: only now does the picker say "confirmed". */
  orderPlaced: (orderId: string) => string;
  /** The order endpoint refused or failed; gets {@link PeekerMessages.errorReason}'s reason. */
  orderNotPlaced: (reason: string) => string;
  /** Title of the review when the order endpoint found chosen names taken. */
  namesTakenTitle: string;
  /** How the replacement set's total compares with the total shown before (`amount` is formatted, without sign). */
  costDifference: (amount: string, direction: 'more' | 'less' | 'same') => string;
  /** `<peeker-order-status>`: accessible name of the whole status. */
  orderStatusLabel: string;
  /** `<peeker-order-status>`: connected to the stream, no event yet. */
  orderStatusWaiting: (orderId: string) => string;
  /** `<peeker-order-status>`: `order.in_progress`. */
  orderStatusInProgress: (orderId: string) => string;
  /** `<peeker-order-status>`: progress text, domains connected so far. */
  orderStatusProgress: (connected: number, total: number) => string;
  /** `<peeker-order-status>`: one `domain.connected` line. */
  orderStatusDomainConnected: (domain: string) => string;
  /** `<peeker-order-status>`: `order.completed`. */
  orderStatusCompleted: (orderId: string) => string;
  /** `<peeker-order-status>`: `order.failed` (the reason Peeker gave, or empty). */
  orderStatusFailed: (orderId: string, reason: string) => string;
  /** `<peeker-order-status>`: `order.action_required` or `domain.action_required`. */
  orderStatusActionRequired: (subject: string) => string;
  /** `<peeker-order-status>`: `order.cancel_scheduled` / `order.cancelled`. */
  orderStatusCancelled: (orderId: string) => string;
  /** `<peeker-order-status>`: an event type it does not know. */
  orderStatusOther: (type: string) => string;
  /** `<peeker-order-status>`: the stream dropped and is reconnecting. */
  orderStatusReconnecting: string;
  /** `<peeker-order-status>`: the stream was refused (bad or expired token) or cannot be opened. */
  orderStatusUnavailable: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** English reasons for the error codes a customer can meet (core's and Peeker's). */
const ERROR_REASONS: Readonly<Record<string, string>> = {
  network_error: 'the availability service could not be reached',
  timeout: 'the availability service took too long to answer',
  http_error: 'the availability service answered with an error',
  invalid_response: 'the availability service sent an answer that could not be read',
  incomplete_response: 'the availability service did not answer for every name',
  rate_limited: 'too many checks right now; wait a minute and retry',
  unauthorized: 'the availability service refused the request',
  forbidden: 'the availability service refused the request',
  invalid_request: 'the availability service rejected the request',
  invalid_brand: 'it needs letters or digits, and at most 63 of them',
  mixed_currency: 'the names are priced in more than one currency',
  duplicate_domain: 'a name was answered more than once',
  invalid_order: 'the order details are incomplete',
  load_failed: 'part of the picker could not be loaded; check the connection',
  recheck_failed: 'some names could not be re-checked just now',
  order_in_progress: 'the same order is being placed right now',
  upstream_error: 'the order service failed',
  upstream_unauthorized: 'the order service is not set up correctly',
};

/** English text for every {@link PeekerMessages} key. */
export const defaultMessages: PeekerMessages = {
  brandLabel: 'Brand or company name',
  brandPlaceholder: 'acme',
  brandHint: 'We suggest related sending domains. Your main domain is never used for cold email.',
  brandRejected: (reason) => `This brand cannot be used: ${reason}. Type another brand, or check your own names below.`,
  resultsLabel: 'Domain ideas',
  resultsHelp: 'Arrow keys move, Space or Enter chooses, Ctrl+A chooses every listed name, Escape goes back to the brand.',
  emptyResults: 'Type a brand to see domain ideas.',
  statusChecking: 'Checking…',
  statusAvailable: 'Available',
  statusTaken: 'Taken',
  statusPremium: 'Premium: contact us',
  statusInvalid: (why) => (why ? `Invalid: ${why}` : 'Invalid name'),
  statusError: 'Could not check',
  statusStale: 'Out of date, check again',
  usableFor: (google, microsoft) =>
    google && microsoft ? 'Google and Microsoft' : google ? 'Google only' : microsoft ? 'Microsoft only' : 'No provider',
  googleOnlyFlag: 'cannot fill the open Microsoft slots',
  lookalikeFlag: (lookalike) => (lookalike ? `mixed alphabets: reads like ${lookalike}` : 'mixed alphabets'),
  firstYearPrice: (price) => `${price} first year`,
  renewalPrice: (price) => `${price} per year after`,
  checkedAgo: (relative) => `checked ${relative}`,
  triedAgo: (relative) => `last tried ${relative}`,
  pickedByHand: 'your pick',
  keptFromEarlierBrand: 'your pick, kept from an earlier brand',
  googleMeter: (have, need) => `Google ${have} / ${need}`,
  microsoftMeter: (have, need) => `Microsoft ${have} / ${need}`,
  chosenCount: (chosen, total) => `${chosen} of ${plural(total, 'domain', 'domains')} chosen`,
  progress: (done, total) => `Checked ${done} of ${plural(total, 'name', 'names')}`,
  announceCounts: (c) =>
    `${c.available} of ${plural(c.checked, 'checked name', 'checked names')} available; ` +
    `Google ${c.google} of ${c.googleNeed}, Microsoft ${c.microsoft} of ${c.microsoftNeed}`,
  fillCheapest: 'Fill cheapest',
  clearSelection: 'Clear',
  confirm: 'Confirm selection',
  confirmAgain: 'Confirm again',
  keepEditing: 'Keep editing',
  rechecking: 'Re-checking your names…',
  confirmed: 'Selection confirmed.',
  pasteLabel: 'Check your own names',
  pasteHint: 'One per line, or separated by commas or spaces.',
  checkList: 'Check list',
  pasteInvalid: (entries) =>
    entries.length === 1
      ? `"${entries[0]}" is not a domain name.`
      : `${entries.length} entries are not domain names: ${entries.map((entry) => `"${entry}"`).join(', ')}`,
  summaryTitle: 'Your selection',
  firstYearTotal: 'First year',
  renewalTotal: 'Yearly renewal',
  horizonTotal: (years) => `Total over ${years} years`,
  noTotal: '–',
  chosenListLabel: 'Chosen domains',
  noneChosen: 'No domains chosen yet. Choose names in the list, or press Fill cheapest.',
  slotGoogle: 'Google',
  slotMicrosoft: 'Microsoft',
  slotExtra: 'Not needed',
  slotUnusable: 'Cannot be ordered',
  remove: 'Remove',
  removeName: (domain) => `Remove ${domain}`,
  savings: (amount, years) =>
    `Saves ${amount} over ${plural(years, 'year', 'years')} against picking the cheapest-looking names by hand.`,
  costPictureLabel: (firstYear, renewals, years) =>
    `Cost picture: ${firstYear} in the first year, ${renewals} for renewals ${years > 1 ? `over years 2 to ${years}` : 'each year after'}.`,
  costFirstYear: 'First year',
  costRenewals: (years) => (years > 1 ? `Renewals, years 2–${years}` : 'Each year after'),
  missing: (google, microsoft) => {
    const parts: string[] = [];
    if (google > 0) parts.push(`${google} more Google-capable`);
    if (microsoft > 0) parts.push(`${microsoft} more Microsoft-capable`);
    return `Choose ${parts.join(' and ')} ${google + microsoft === 1 ? 'domain' : 'domains'}, or press Fill cheapest.`;
  },
  tooMany: (extra, total) =>
    `Remove ${plural(extra, 'domain', 'domains')}: the order takes exactly ${total}.`,
  unusableChosen: (domains) => `Cannot be ordered now: ${domains.join(', ')}.`,
  valueMissing: (problem) => `The domain selection is not complete. ${problem}`,
  fillNothing: 'There is no available name to choose from yet. Type a brand or check your own names first.',
  fillUnchanged: 'Your selection is already the cheapest one.',
  diversityRelaxed:
    'Not enough different naming patterns were available, so more names share one pattern than we recommend.',
  ideasExhausted: 'Every idea for this brand has been checked.',
  downloadCsv: 'Download selection (CSV)',
  downloadResults: 'Download all results (CSV)',
  downloadJson: 'Download order (JSON)',
  retry: 'Retry',
  failedCount: (count) => `${plural(count, 'name', 'names')} could not be checked.`,
  checkFailed: (message) => `Checking failed: ${message}`,
  errorReason: (code, fallback) => (Object.hasOwn(ERROR_REASONS, code) ? ERROR_REASONS[code]! : fallback),
  shortfall: ({ google, microsoft, total }) => {
    // about the names found so far, not the selection: say so, and what to do
    const lead = 'The available names found so far cannot fill the order: it needs';
    const tail = 'Check your own names, allow hyphens or try more TLDs.';
    // Peeker domains are always Google-capable: a Microsoft need covers every smaller need
    if (microsoft >= google && microsoft >= total) {
      return `${lead} ${plural(microsoft, 'more Microsoft-capable name', 'more Microsoft-capable names')}. ${tail}`;
    }
    const need =
      google >= total
        ? plural(google, 'more Google-capable name', 'more Google-capable names')
        : plural(total, 'more name', 'more names');
    return `${lead} ${need}${microsoft > 0 ? `, at least ${microsoft} of them Microsoft-capable` : ''}. ${tail}`;
  },
  orderInvalid: (fields) => `The order details are incomplete or wrong: ${fields.join(', ')}.`,
  loadFailed: 'Part of the picker could not be loaded. Check the connection and try again.',
  noTransport: 'No availability endpoint is configured.',
  reviewTitle: 'Some names changed since they were checked',
  swapped: (removed, reason, added) => `${removed} is ${reason} now; replaced with ${added}.`,
  removed: (removed, reason) => `${removed} is ${reason} now and was removed.`,
  priceChanged: (domain, before, after) => `${domain} now costs ${after} (was ${before}).`,
  newTotal: (firstYear, renewal) => `New total: ${firstYear} first year, ${renewal} per year after.`,
  warmUp: 'New domains need 2–4 weeks of warm-up before cold sending.',
  toolbarLabel: 'Sort and filter the list',
  sortLabel: 'Sort',
  sortBest: 'Best match',
  sortPrice: 'Lowest price',
  sortName: 'Name',
  providerLabel: 'Provider',
  providerAny: 'Any provider',
  providerMicrosoft: 'Microsoft-capable',
  providerGoogleOnly: 'Google only',
  tldLabel: 'TLD',
  tldAny: 'All TLDs',
  availableOnly: 'Available only',
  showing: (shown, total) => `Showing ${shown} of ${plural(total, 'name', 'names')}`,
  placingOrder: 'Placing your order…',
  orderPlaced: (orderId) => `Order confirmed (${orderId}). We are setting up your domains now.`,
  orderNotPlaced: (reason) => `The order was not placed: ${reason}. Press Confirm to try again; it is never charged twice.`,
  namesTakenTitle: 'These names were taken since they were checked. Here are replacements:',
  costDifference: (amount, direction) =>
    direction === 'same' ? 'The new selection costs the same.' : `The new selection costs ${amount} ${direction}.`,
  orderStatusLabel: 'Order status',
  orderStatusWaiting: (orderId) => `Order ${orderId}: waiting for the first update…`,
  orderStatusInProgress: (orderId) => `Order ${orderId} accepted: setting up domains and inboxes…`,
  orderStatusProgress: (connected, total) => `${connected} of ${plural(total, 'domain', 'domains')} connected`,
  orderStatusDomainConnected: (domain) => `${domain} connected`,
  orderStatusCompleted: (orderId) => `Order ${orderId} completed: every domain and inbox is live.`,
  orderStatusFailed: (orderId, reason) => `Order ${orderId} failed${reason ? `: ${reason}` : ''}. Nothing more will be set up; contact support.`,
  orderStatusActionRequired: (subject) => `${subject} needs attention; we will contact you.`,
  orderStatusCancelled: (orderId) => `Order ${orderId} was cancelled.`,
  orderStatusOther: (type) => `Update: ${type}`,
  orderStatusReconnecting: 'Live updates paused; reconnecting…',
  orderStatusUnavailable: 'Live updates are not available for this order.',
};

/**
 * Merges a partial override over {@link defaultMessages}. Keys whose value has the wrong
 * type (a string where a function belongs) are ignored.
 * @param override - the host's partial messages, or null
 * @returns a complete messages object
 */
export function resolveMessages(override: Partial<PeekerMessages> | null | undefined): PeekerMessages {
  if (!override) return defaultMessages;
  const merged: Record<string, unknown> = { ...defaultMessages };
  for (const [key, value] of Object.entries(override)) {
    const base = (defaultMessages as unknown as Record<string, unknown>)[key];
    if (base !== undefined && typeof value === typeof base) merged[key] = value;
  }
  return merged as unknown as PeekerMessages;
}
