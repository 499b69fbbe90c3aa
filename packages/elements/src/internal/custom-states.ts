/**
 * Sets an element's custom states (`:state(name)`) from a map of name → on. Custom states
 * are progressive enhancement: engines without them, or that only take `--name`, are skipped.
 * @param states - `ElementInternals.states`, when the engine has it
 * @param on - each state's wanted value
 */
export function applyCustomStates(states: CustomStateSet | undefined, on: Record<string, boolean>): void {
  if (!states) return;
  for (const [name, set] of Object.entries(on)) {
    try {
      if (set) states.add(name);
      else states.delete(name);
    } catch {
      // very old engines want `--name`
    }
  }
}
