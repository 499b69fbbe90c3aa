/** What a key pressed in the list box asks for. */
export type ListboxKeyAction =
  | { kind: 'move'; domain: string }
  | { kind: 'toggle' }
  | { kind: 'select-all' }
  | { kind: 'leave' };

/**
 * The list box's keyboard model (WAI-ARIA multi-select listbox): arrows, Home and End move
 * the active option, Space and Enter toggle it, Escape goes back to the brand field, Ctrl/⌘+A
 * selects every row (not the page's text). Internal.
 * @param event - the key event
 * @param domains - the names in the order shown
 * @param active - the active name, or null
 * @returns the action, or null for a key the list box leaves alone
 */
export function listboxKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>,
  domains: readonly string[],
  active: string | null,
): ListboxKeyAction | null {
  const key = event.key;
  if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'a') return { kind: 'select-all' };
  const last = domains.length - 1;
  if (last < 0) return null;
  const index = active === null ? -1 : domains.indexOf(active);
  const moves: Record<string, number> = { ArrowDown: Math.min(last, index + 1), ArrowUp: Math.max(0, index - 1), Home: 0, End: last };
  if (Object.hasOwn(moves, key)) return { kind: 'move', domain: domains[moves[key]!]! };
  if (key === 'Escape') return { kind: 'leave' };
  if (key === ' ' || key === 'Enter') return { kind: 'toggle' };
  return null;
}
