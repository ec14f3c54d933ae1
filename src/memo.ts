/**
 * Work done once and remembered: texts that repeat across thousands of
 * changes (module addresses, directories, attribute keys), and what is
 * worked out from an immutable object (an analysis, a plan, a frozen list)
 * that several renderers ask for.
 */

/**
 * `compute` remembered for each text, up to `max` distinct texts (past
 * that, computed every time): a plan's texts are many, but bounded memory
 * matters more than the last hits.
 */
export function rememberPerText<T>(
  compute: (text: string) => T,
  max = 100_000
): (text: string) => T {
  const known = new Map<string, T>()
  return (text) => {
    if (known.has(text)) return known.get(text) as T
    const value = compute(text)
    if (known.size < max) known.set(text, value)
    return value
  }
}

/**
 * `compute` remembered for each object, for as long as the object lives (a
 * WeakMap). The object must not change after: the analysis, its plans, a
 * frozen list.
 */
export function rememberPerObject<K extends object, T>(
  compute: (key: K) => T
): (key: K) => T {
  const known = new WeakMap<K, T>()
  return (key) => {
    if (known.has(key)) return known.get(key) as T
    const value = compute(key)
    known.set(key, value)
    return value
  }
}
