/**
 * German text for `<peeker-domain-picker>`: every {@link PeekerMessages} key. Not loaded
 * unless imported, so it costs English-only pages nothing.
 *
 * Prices and ages arrive already formatted in the element's locale, so set `locale="de-DE"`
 * (or `lang="de"` on the page) together with these messages.
 *
 * @example
 * ```ts
 * import { deMessages } from '@peeker/elements';
 * picker.messages = deMessages;
 * picker.locale = 'de-DE';
 * ```
 */
import type { PeekerMessages } from '../messages.ts';

/** `1 Domain`, `2 Domains`: German has one plural form besides the singular. */
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** German reasons for the error codes a customer can meet (core's and Peeker's). */
const GRUENDE: Readonly<Record<string, string>> = {
  network_error: 'der Verfügbarkeitsdienst ist nicht erreichbar',
  timeout: 'der Verfügbarkeitsdienst hat zu lange nicht geantwortet',
  http_error: 'der Verfügbarkeitsdienst hat mit einem Fehler geantwortet',
  invalid_response: 'die Antwort des Verfügbarkeitsdienstes war nicht lesbar',
  incomplete_response: 'der Verfügbarkeitsdienst hat nicht für jeden Namen geantwortet',
  rate_limited: 'gerade zu viele Prüfungen; bitte eine Minute warten und erneut versuchen',
  unauthorized: 'der Verfügbarkeitsdienst hat die Anfrage abgelehnt',
  forbidden: 'der Verfügbarkeitsdienst hat die Anfrage abgelehnt',
  invalid_request: 'der Verfügbarkeitsdienst hat die Anfrage zurückgewiesen',
  invalid_brand: 'sie braucht Buchstaben oder Ziffern, höchstens 63 davon',
  mixed_currency: 'die Namen haben Preise in mehr als einer Währung',
  duplicate_domain: 'ein Name wurde mehrfach beantwortet',
  invalid_order: 'die Bestelldaten sind unvollständig',
  load_failed: 'ein Teil der Auswahl konnte nicht geladen werden; bitte die Verbindung prüfen',
  recheck_failed: 'einige Namen konnten gerade nicht erneut geprüft werden',
  order_in_progress: 'dieselbe Bestellung wird gerade aufgegeben',
  upstream_error: 'der Bestelldienst ist ausgefallen',
  upstream_unauthorized: 'der Bestelldienst ist nicht richtig eingerichtet',
};

/** Every {@link PeekerMessages} key in German. */
export const deMessages: PeekerMessages = {
  brandLabel: 'Marke oder Firmenname',
  brandPlaceholder: 'beispiel',
  brandHint: 'Wir schlagen passende Versand-Domains vor. Ihre Hauptdomain wird nie für Kaltakquise-E-Mails genutzt.',
  brandRejected: (reason) =>
    `Diese Marke ist nicht verwendbar: ${reason}. Geben Sie eine andere Marke ein oder prüfen Sie unten eigene Namen.`,
  resultsLabel: 'Domain-Vorschläge',
  resultsHelp:
    'Pfeiltasten bewegen, Leertaste oder Eingabe wählt, Strg+A wählt alle gelisteten Namen, Escape springt zurück zur Marke.',
  emptyResults: 'Geben Sie eine Marke ein, um Domain-Vorschläge zu sehen.',
  statusChecking: 'Wird geprüft…',
  statusAvailable: 'Verfügbar',
  statusTaken: 'Vergeben',
  statusPremium: 'Premium: bitte anfragen',
  statusInvalid: (why) => (why ? `Ungültig: ${why}` : 'Ungültiger Name'),
  statusError: 'Prüfung fehlgeschlagen',
  statusStale: 'Veraltet, bitte erneut prüfen',
  usableFor: (google, microsoft) =>
    google && microsoft ? 'Google und Microsoft' : google ? 'nur Google' : microsoft ? 'nur Microsoft' : 'kein Anbieter',
  googleOnlyFlag: 'kann die offenen Microsoft-Plätze nicht füllen',
  lookalikeFlag: (lookalike) => (lookalike ? `gemischte Schriften: liest sich wie ${lookalike}` : 'gemischte Schriften'),
  firstYearPrice: (price) => `${price} im ersten Jahr`,
  renewalPrice: (price) => `${price} pro Folgejahr`,
  checkedAgo: (relative) => `geprüft ${relative}`,
  triedAgo: (relative) => `zuletzt versucht ${relative}`,
  pickedByHand: 'Ihre Wahl',
  keptFromEarlierBrand: 'Ihre Wahl, von einer früheren Marke behalten',
  googleMeter: (have, need) => `Google: ${have} von ${need}`,
  microsoftMeter: (have, need) => `Microsoft: ${have} von ${need}`,
  chosenCount: (chosen, total) => `${chosen} von ${plural(total, 'Domain', 'Domains')} gewählt`,
  progress: (done, total) => `${done} von ${plural(total, 'Name', 'Namen')} geprüft`,
  announceCounts: (c) =>
    `${c.available} von ${plural(c.checked, 'geprüftem Namen', 'geprüften Namen')} verfügbar; ` +
    `Google ${c.google} von ${c.googleNeed}, Microsoft ${c.microsoft} von ${c.microsoftNeed}`,
  fillCheapest: 'Günstigste wählen',
  clearSelection: 'Leeren',
  confirm: 'Auswahl bestätigen',
  confirmAgain: 'Erneut bestätigen',
  keepEditing: 'Weiter bearbeiten',
  rechecking: 'Ihre Namen werden erneut geprüft…',
  confirmed: 'Auswahl bestätigt.',
  pasteLabel: 'Eigene Namen prüfen',
  pasteHint: 'Einer pro Zeile oder durch Kommas oder Leerzeichen getrennt.',
  checkList: 'Liste prüfen',
  pasteInvalid: (entries) =>
    `${plural(entries.length, 'Eintrag ist', 'Einträge sind')} kein Domainname: ${entries.join(', ')}`,
  summaryTitle: 'Ihre Auswahl',
  firstYearTotal: 'Erstes Jahr',
  renewalTotal: 'Jährliche Verlängerung',
  horizonTotal: (years) => `Summe über ${years} Jahre`,
  noTotal: 'noch kein Preis',
  chosenListLabel: 'Gewählte Domains',
  noneChosen: 'Noch keine Domain gewählt. Wählen Sie Namen in der Liste oder drücken Sie „Günstigste wählen“.',
  slotGoogle: 'Google-Platz',
  slotMicrosoft: 'Microsoft-Platz',
  slotExtra: 'Nicht benötigt',
  slotUnusable: 'Nicht bestellbar',
  remove: 'Entfernen',
  removeName: (domain) => `${domain} entfernen`,
  savings: (amount, years) =>
    `Spart ${amount} über ${plural(years, 'Jahr', 'Jahre')} gegenüber der Wahl der scheinbar günstigsten Namen von Hand.`,
  costPictureLabel: (firstYear, renewals, years) =>
    `Kostenbild: ${firstYear} im ersten Jahr, ${renewals} für Verlängerungen ${years > 1 ? `in den Jahren 2 bis ${years}` : 'pro Folgejahr'}.`,
  costFirstYear: 'Erstes Jahr',
  costRenewals: (years) => (years > 1 ? `Verlängerungen, Jahre 2–${years}` : 'Jedes Folgejahr'),
  missing: (google, microsoft) => {
    const parts: string[] = [];
    if (google > 0) parts.push(`${google} weitere Google-fähige`);
    if (microsoft > 0) parts.push(`${microsoft} weitere Microsoft-fähige`);
    return `Wählen Sie ${parts.join(' und ')} ${google + microsoft === 1 ? 'Domain' : 'Domains'} oder drücken Sie „Günstigste wählen“.`;
  },
  tooMany: (extra, total) =>
    `Entfernen Sie ${plural(extra, 'Domain', 'Domains')}: die Bestellung umfasst genau ${total}.`,
  unusableChosen: (domains) => `Derzeit nicht bestellbar: ${domains.join(', ')}.`,
  valueMissing: (problem) => `Die Domain-Auswahl ist unvollständig. ${problem}`,
  fillNothing: 'Noch kein verfügbarer Name zur Auswahl. Geben Sie zuerst eine Marke ein oder prüfen Sie eigene Namen.',
  fillUnchanged: 'Ihre Auswahl ist bereits die günstigste.',
  diversityRelaxed:
    'Es gab nicht genug verschiedene Namensmuster, daher teilen sich mehr Namen ein Muster als empfohlen.',
  ideasExhausted: 'Alle Vorschläge für diese Marke wurden geprüft.',
  downloadCsv: 'Auswahl herunterladen (CSV)',
  downloadResults: 'Alle Ergebnisse herunterladen (CSV)',
  downloadJson: 'Bestellung herunterladen (JSON)',
  retry: 'Erneut versuchen',
  failedCount: (count) => `${plural(count, 'Name konnte', 'Namen konnten')} nicht geprüft werden.`,
  checkFailed: (message) => `Prüfung fehlgeschlagen: ${message}`,
  errorReason: (code, fallback) => (Object.hasOwn(GRUENDE, code) ? GRUENDE[code]! : fallback),
  shortfall: ({ google, microsoft, total }) => {
    const lead = 'Die bisher gefundenen verfügbaren Namen reichen nicht für die Bestellung: es fehlen';
    const tail = 'Prüfen Sie eigene Namen, erlauben Sie Bindestriche oder probieren Sie weitere TLDs.';
    // Peeker-Domains sind immer Google-fähig: der Microsoft-Bedarf deckt jeden kleineren
    if (microsoft >= google && microsoft >= total) {
      return `${lead} ${plural(microsoft, 'Microsoft-fähiger Name', 'Microsoft-fähige Namen')}. ${tail}`;
    }
    const need =
      google >= total ? plural(google, 'Google-fähiger Name', 'Google-fähige Namen') : plural(total, 'Name', 'Namen');
    return `${lead} ${need}${microsoft > 0 ? `, davon mindestens ${microsoft} Microsoft-fähig` : ''}. ${tail}`;
  },
  orderInvalid: (fields) => `Die Bestelldaten sind unvollständig oder falsch: ${fields.join(', ')}.`,
  loadFailed: 'Ein Teil der Auswahl konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  noTransport: 'Es ist kein Verfügbarkeits-Endpunkt eingerichtet.',
  reviewTitle: 'Einige Namen haben sich seit der Prüfung geändert',
  swapped: (removed, reason, added) => `${removed} ist jetzt ${reason.toLocaleLowerCase('de')}; ersetzt durch ${added}.`,
  removed: (removed, reason) => `${removed} ist jetzt ${reason.toLocaleLowerCase('de')} und wurde entfernt.`,
  priceChanged: (domain, before, after) => `${domain} kostet jetzt ${after} (vorher ${before}).`,
  newTotal: (firstYear, renewal) => `Neue Summe: ${firstYear} im ersten Jahr, ${renewal} pro Folgejahr.`,
  warmUp: 'Neue Domains brauchen 2–4 Wochen Aufwärmzeit vor dem Kaltversand.',
  toolbarLabel: 'Liste sortieren und filtern',
  sortLabel: 'Sortierung',
  sortBest: 'Beste Treffer',
  sortPrice: 'Niedrigster Preis',
  sortName: 'Alphabetisch',
  providerLabel: 'Anbieter',
  providerAny: 'Alle Anbieter',
  providerMicrosoft: 'Microsoft-fähig',
  providerGoogleOnly: 'Nur Google',
  tldLabel: 'Endung',
  tldAny: 'Alle Endungen',
  availableOnly: 'Nur verfügbare',
  showing: (shown, total) => `${shown} von ${plural(total, 'Name', 'Namen')} angezeigt`,
  placingOrder: 'Bestellung wird aufgegeben…',
  orderPlaced: (orderId) => `Bestellung bestätigt (${orderId}). Ihre Domains werden jetzt eingerichtet.`,
  orderNotPlaced: (reason) => `Die Bestellung wurde nicht aufgegeben: ${reason}. Bitte erneut bestätigen; sie wird nie doppelt berechnet.`,
  namesTakenTitle: 'Diese Namen wurden inzwischen vergeben. Hier sind Ersatznamen:',
  costDifference: (amount, direction) =>
    direction === 'same' ? 'Die neue Auswahl kostet gleich viel.' : `Die neue Auswahl kostet ${amount} ${direction === 'more' ? 'mehr' : 'weniger'}.`,
  orderStatusLabel: 'Bestellstatus',
  orderStatusWaiting: (orderId) => `Bestellung ${orderId}: warte auf die erste Meldung…`,
  orderStatusInProgress: (orderId) => `Bestellung ${orderId} angenommen: Domains und Postfächer werden eingerichtet…`,
  orderStatusProgress: (connected, total) => `${connected} von ${plural(total, 'Domain', 'Domains')} verbunden`,
  orderStatusDomainConnected: (domain) => `${domain} verbunden`,
  orderStatusCompleted: (orderId) => `Bestellung ${orderId} abgeschlossen: alle Domains und Postfächer sind aktiv.`,
  orderStatusFailed: (orderId, reason) => `Bestellung ${orderId} fehlgeschlagen${reason ? `: ${reason}` : ''}. Bitte den Support kontaktieren.`,
  orderStatusActionRequired: (subject) => `${subject} braucht Aufmerksamkeit; wir melden uns.`,
  orderStatusCancelled: (orderId) => `Bestellung ${orderId} wurde storniert.`,
  orderStatusOther: (type) => `Meldung: ${type}`,
  orderStatusReconnecting: 'Live-Meldungen unterbrochen; verbinde neu…',
  orderStatusUnavailable: 'Für diese Bestellung gibt es keine Live-Meldungen.',
};
