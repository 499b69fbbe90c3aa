/**
 * Prices and ages as `<peeker-domain-picker>` shows them, with one cached `Intl` formatter
 * per locale and currency: constructing one costs more than formatting a whole row, and a
 * list can hold 1,000 rows. Internal.
 */

const moneyFormats = new Map<string, Intl.NumberFormat | null>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * Integer cents as a plain decimal amount (`1300` → `13.00`): for CSV, where a formatted
 * currency string would not sort or sum, and for unknown currencies.
 * @param cents - integer cents, or undefined
 * @returns the amount, or `''`
 * @example centsToDecimal(1300) // '13.00'
 */
export function centsToDecimal(cents: number | undefined): string {
  if (cents === undefined || !Number.isSafeInteger(cents)) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Formats an amount in the locale: `$13.00`, `13,00 $`. A currency `Intl` does not know is
 * written as `13.00 XYZ`; no currency at all as a plain decimal.
 * @param cents - integer cents; undefined gives `''`
 * @param currency - ISO code in any case, or undefined
 * @param locale - BCP 47 tag, or undefined for the browser's
 * @returns the text
 * @example formatMoney(1300, 'usd', 'en-US') // '$13.00'
 */
export function formatMoney(cents: number | undefined, currency: string | undefined, locale: string | undefined): string {
  if (cents === undefined) return '';
  if (!currency) return centsToDecimal(cents);
  const code = currency.toUpperCase();
  const key = `${locale ?? ''}|${code}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    } catch {
      format = null;
    }
    moneyFormats.set(key, format);
  }
  return format === null ? `${centsToDecimal(cents)} ${code}` : format.format(cents / 100);
}

/**
 * How long ago an answer arrived, as `Intl.RelativeTimeFormat` words it: `now` under 30 s,
 * then seconds, minutes and hours (`3 minutes ago`). Never says "now" for an older answer.
 * @param checkedAt - when the answer arrived (epoch ms)
 * @param now - the current time (epoch ms)
 * @param locale - BCP 47 tag, or undefined for the browser's
 * @returns the relative text
 * @example formatAge(Date.now() - 180_000, Date.now(), 'en') // '3 minutes ago'
 */
export function formatAge(checkedAt: number, now: number, locale: string | undefined): string {
  const seconds = Math.max(0, Math.round((now - checkedAt) / 1000));
  let format = relativeFormats.get(locale ?? '');
  if (!format) {
    try {
      format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    } catch {
      format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    }
    relativeFormats.set(locale ?? '', format);
  }
  if (seconds < 60) return format.format(seconds < 30 ? 0 : -seconds, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  return format.format(-Math.floor(seconds / 3600), 'hour');
}
