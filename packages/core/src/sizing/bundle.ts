/** How many domains an order must supply per provider (Peeker's `required_domains`). */
export interface RequiredDomains {
  google: number;
  microsoft: number;
  total: number;
}

/** The sizing fields of a Peeker bundle, as accepted by `estimateRequiredDomains`. */
export interface BundleSizing {
  /** Emails per month the bundle is sized for (non-negative integer). */
  monthly_sending_volume: number;
  /** Google share in percent; set both percents or neither. `null` = Peeker's recommended split (50/50 in every published example). */
  google_percent?: number | null;
  /** Microsoft share in percent; set both percents or neither. */
  microsoft_percent?: number | null;
  /** `false`: volume spread over 22 sending days a month; `true`: over 30. @default false */
  send_on_weekends?: boolean;
  /** Google inboxes per domain, 2 or 3. @default 2 */
  google_inboxes_per_domain?: 2 | 3;
}

/** A Peeker bundle (saved order template), as returned by `GET /bundles/{id}`. */
export interface Bundle extends BundleSizing {
  id: string;
  name: string;
  status: 'active' | 'archived' | 'deleted' | (string & {});
  effective?: { google_percent: number; microsoft_percent: number };
  /** What an order with this bundle must supply. Always wins over an estimate. */
  required_domains: RequiredDomains;
  created_at?: string;
}
