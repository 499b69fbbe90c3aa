/**
 * `POST /orders` validation (docs/peeker-api.md §5.1), answering the first problem found, in
 * this order:
 *
 * 1. body not a JSON object → 400 `invalid_request`;
 * 2. `bundle_id` together with `google_licenses` / `microsoft_licenses` → 400 `order_shape_conflict`;
 *    neither → 400 `invalid_request`, field `bundle_id`;
 * 3. `user` missing, not a string, or neither an email nor an existing `usr_…` id → field `user`;
 * 4. `bundle_id` not a string, unknown in this account or archived → field `bundle_id`;
 *    custom orders: `google_licenses` / `microsoft_licenses` non-negative integers, not both 0;
 * 5. `sequencer` missing → `sequencer`; `provider` not `"smartlead"` → `sequencer.provider`;
 *    bad `client_id` → `sequencer.client_id`; `login_email` missing/not an email →
 *    `sequencer.login_email`; `login_password` missing/empty → `sequencer.login_password`;
 * 6. `forwarding_url` present but not an http(s) URL → `forwarding_url`;
 * 7. `domains` not an array → `domains`; an entry not a name or `{domain, forwarding_url?}`, an
 *    invalid name, a bad per-domain URL → `domains[i]`; a duplicate → `domains[i]`;
 * 8. `personas` not an array of 1–10 → `personas`; a persona not an object, a missing or empty
 *    `first_name` / `last_name`, a **missing** `profile_picture_url` key or a non-empty one
 *    that is not an http(s) URL → `personas[i].<key>`;
 * 9. count ≠ the plan's total → 400 `domain_count_mismatch`, field `domains`, details
 *    `{required_count, submitted_count, missing_count}` (`missing_count` is 0 when too many);
 * 10. a name that is not available now (taken, premium, invalid) → **409 `domain_unavailable`**
 *    (sandbox code: Peeker's behaviour is undocumented), field `domains`,
 *    `details.domains: [{domain, reason}]`; the whole order is rejected, nothing charged;
 * 11. the provider split cannot be met → 400 **`provider_mismatch`** (sandbox code), field
 *    `domains`, details `{required_google, required_microsoft, microsoft_capable}`. The check
 *    counts: every domain must be usable for Google (Peeker's rows always are) and at least
 *    `required.microsoft` of them usable for Microsoft; that is exactly when an assignment exists.
 *
 * Custom orders (sandbox assumption): `google_licenses` inboxes at 2 per domain →
 * `ceil(google_licenses / 2)` Google domains, `microsoft_licenses` Microsoft domains.
 */
import { assignSlots, classifyRow } from '@peeker/core';
import type { AvailabilityRow, Bundle } from '@peeker/core';
import type { AvailabilityOracle } from './availability-oracle.ts';
import type { BundleStore } from './bundle-store.ts';
import { invalidRequest, SandboxHttpError } from './errors.ts';
import type { UserStore } from './user-store.ts';
import { isEmail, isHttpUrl, isPlainObject, readClientId } from './validate.ts';

/** A persona as stored. */
export interface OrderPersona {
  first_name: string;
  last_name: string;
  profile_picture_url: string;
}

/** A validated order, ready to be created. */
export interface OrderPlan {
  user: { id: string } | { email: string };
  bundle: Bundle | undefined;
  required: { google: number; microsoft: number; total: number };
  inboxesPerDomain: 2 | 3;
  clientId: number | string | null;
  forwardingUrl: string | undefined;
  domains: Array<{ name: string; forwarding_url: string | null; row: AvailabilityRow }>;
  personas: OrderPersona[];
}

function readNonEmpty(value: unknown, field: string): string {
  if (value === undefined || value === null) throw invalidRequest(`${field} is required`, field);
  if (typeof value !== 'string') throw invalidRequest(`${field} must be a string`, field);
  if (value.trim() === '') throw invalidRequest(`${field} must not be empty`, field);
  return value.trim();
}

function readLicenses(value: unknown, field: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidRequest(`${field} must be a non-negative integer`, field);
  }
  return value;
}

/**
 * Validates an order body against the sandbox state.
 * @param body - the parsed body
 * @param deps - stores and the availability oracle
 * @returns the plan
 * @throws SandboxHttpError for the first problem (see the module comment)
 */
export function validateOrder(
  body: unknown,
  deps: { bundles: BundleStore; users: UserStore; oracle: AvailabilityOracle },
): OrderPlan {
  if (!isPlainObject(body)) throw invalidRequest('The request body must be a JSON object');

  // 2. Shape.
  const hasBundle = body.bundle_id !== undefined && body.bundle_id !== null;
  const hasLicenses = ['google_licenses', 'microsoft_licenses'].some((k) => body[k] !== undefined && body[k] !== null);
  if (hasBundle && hasLicenses) {
    throw new SandboxHttpError(400, 'order_shape_conflict', 'An order is either a bundle order (bundle_id) or a custom order (license counts), not both');
  }
  if (!hasBundle && !hasLicenses) throw invalidRequest('bundle_id is required (or license counts for a custom order)', 'bundle_id');

  // 3. User.
  const userText = readNonEmpty(body.user, 'user');
  let user: OrderPlan['user'];
  if (userText.startsWith('usr_')) {
    if (deps.users.find(userText) === undefined) throw invalidRequest('user is not a user of this account', 'user');
    user = { id: userText };
  } else if (isEmail(userText)) {
    user = { email: userText };
  } else {
    throw invalidRequest('user must be an email address or a usr_ id', 'user');
  }

  // 4. Plan.
  let bundle: Bundle | undefined;
  let required: OrderPlan['required'];
  let inboxesPerDomain: 2 | 3 = 2;
  if (hasBundle) {
    if (typeof body.bundle_id !== 'string' || body.bundle_id.trim() === '') throw invalidRequest('bundle_id must be a string', 'bundle_id');
    bundle = deps.bundles.find(body.bundle_id.trim());
    if (bundle === undefined) throw invalidRequest('bundle_id is not a bundle of this account', 'bundle_id');
    if (bundle.status !== 'active') throw invalidRequest('bundle_id refers to an archived bundle', 'bundle_id');
    required = { ...bundle.required_domains };
    inboxesPerDomain = bundle.google_inboxes_per_domain ?? 2;
  } else {
    const google = readLicenses(body.google_licenses, 'google_licenses');
    const microsoft = readLicenses(body.microsoft_licenses, 'microsoft_licenses');
    if (google + microsoft === 0) throw invalidRequest('A custom order needs at least one license', 'google_licenses');
    const googleDomains = Math.ceil(google / 2);
    required = { google: googleDomains, microsoft, total: googleDomains + microsoft };
  }

  // 5. Sequencer.
  const sequencer = body.sequencer;
  if (sequencer === undefined || sequencer === null) throw invalidRequest('sequencer is required', 'sequencer');
  if (!isPlainObject(sequencer)) throw invalidRequest('sequencer must be an object', 'sequencer');
  if (sequencer.provider !== 'smartlead') throw invalidRequest('sequencer.provider must be "smartlead"', 'sequencer.provider');
  const clientId = readClientId(sequencer.client_id, 'sequencer.client_id');
  const loginEmail = readNonEmpty(sequencer.login_email, 'sequencer.login_email');
  if (!isEmail(loginEmail)) throw invalidRequest('sequencer.login_email must be an email address', 'sequencer.login_email');
  const password = sequencer.login_password;
  if (password === undefined || password === null) throw invalidRequest('sequencer.login_password is required', 'sequencer.login_password');
  if (typeof password !== 'string' || password === '') {
    throw invalidRequest('sequencer.login_password must be a non-empty string', 'sequencer.login_password');
  }

  // 6. Default forwarding URL.
  let forwardingUrl: string | undefined;
  if (body.forwarding_url !== undefined && body.forwarding_url !== null && body.forwarding_url !== '') {
    if (typeof body.forwarding_url !== 'string' || !isHttpUrl(body.forwarding_url.trim())) {
      throw invalidRequest('forwarding_url must be an absolute http(s) URL', 'forwarding_url');
    }
    forwardingUrl = body.forwarding_url.trim();
  }

  // 7. Domains (shape and names).
  if (!Array.isArray(body.domains)) throw invalidRequest('domains must be an array', 'domains');
  const entries: Array<{ name: string; forwarding_url: string | null }> = [];
  const seen = new Set<string>();
  body.domains.forEach((entry: unknown, i: number) => {
    const field = `domains[${i}]`;
    let raw: unknown = entry;
    let url: string | null = forwardingUrl ?? null;
    if (isPlainObject(entry)) {
      raw = entry.domain;
      if (entry.forwarding_url !== undefined && entry.forwarding_url !== null && entry.forwarding_url !== '') {
        if (typeof entry.forwarding_url !== 'string' || !isHttpUrl(entry.forwarding_url.trim())) {
          throw invalidRequest(`${field}.forwarding_url must be an absolute http(s) URL`, `${field}.forwarding_url`);
        }
        url = entry.forwarding_url.trim();
      }
    }
    if (typeof raw !== 'string') throw invalidRequest(`${field} must be a domain name or {"domain","forwarding_url"}`, field);
    const name = deps.oracle.normalize(raw);
    if (name === undefined) throw invalidRequest(`${field} is not a valid registrable domain name`, field);
    if (seen.has(name)) throw invalidRequest(`${field} repeats a domain already in the list`, field);
    seen.add(name);
    entries.push({ name, forwarding_url: url });
  });

  // 8. Personas.
  if (!Array.isArray(body.personas)) throw invalidRequest('personas must be an array of 1 to 10 people', 'personas');
  if (body.personas.length < 1 || body.personas.length > 10) {
    throw invalidRequest('personas must list 1 to 10 people', 'personas', { min_count: 1, max_count: 10, submitted_count: body.personas.length });
  }
  const personas = body.personas.map((p: unknown, i: number): OrderPersona => {
    const field = `personas[${i}]`;
    if (!isPlainObject(p)) throw invalidRequest(`${field} must be an object`, field);
    const first = readNonEmpty(p.first_name, `${field}.first_name`);
    const last = readNonEmpty(p.last_name, `${field}.last_name`);
    if (!('profile_picture_url' in p) || p.profile_picture_url === undefined) {
      throw invalidRequest(`${field}.profile_picture_url is required ("" when there is no picture)`, `${field}.profile_picture_url`);
    }
    const picture = p.profile_picture_url;
    if (typeof picture !== 'string') throw invalidRequest(`${field}.profile_picture_url must be a string`, `${field}.profile_picture_url`);
    if (picture.trim() !== '' && !isHttpUrl(picture.trim())) {
      throw invalidRequest(`${field}.profile_picture_url must be "" or an absolute http(s) URL`, `${field}.profile_picture_url`);
    }
    return { first_name: first, last_name: last, profile_picture_url: picture.trim() };
  });

  // 9. Count.
  if (entries.length !== required.total) {
    throw new SandboxHttpError(400, 'domain_count_mismatch', 'Submitted domain count does not match the order plan', 'domains', {
      required_count: required.total,
      submitted_count: entries.length,
      missing_count: Math.max(0, required.total - entries.length),
    });
  }

  // 10. Availability right now.
  const domains = entries.map((e) => ({ ...e, row: deps.oracle.lookup(e.name) }));
  const unavailable = domains.filter((d) => !classifyRow(d.row).orderable);
  if (unavailable.length > 0) {
    throw new SandboxHttpError(
      409,
      'domain_unavailable',
      `${unavailable.length} of the submitted domains cannot be registered now; nothing was ordered or charged`,
      'domains',
      { domains: unavailable.map((d) => ({ domain: d.name, reason: d.row.reason ?? 'unavailable' })) },
    );
  }

  // 11. Provider split: the same slot assignment the solver and the picker use.
  const slots = assignSlots(domains.map((d) => ({ domain: d.name, row: d.row })), required);
  if (slots.google.length < required.google || slots.microsoft.length < required.microsoft) {
    const microsoftCapable = domains.filter((d) => classifyRow(d.row).microsoft).length;
    throw new SandboxHttpError(400, 'provider_mismatch', 'The domains cannot fill the plan’s Google and Microsoft slots', 'domains', {
      required_google: required.google,
      required_microsoft: required.microsoft,
      microsoft_capable: microsoftCapable,
    });
  }

  return { user, bundle, required, inboxesPerDomain, clientId, forwardingUrl, domains, personas };
}
