/**
 * Counts in words, for every message and report people read: the gate's
 * summary and the risks' details as much as the reports. Plain text, no
 * escaping (the caller escapes for where the text goes).
 */

/** "1 change", "2 changes", "1,250 changes". */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${thousands(count)} ${count === 1 ? noun : many}`
}

/**
 * A count with thousands separators, "12,345", as `toLocaleString('en-US')`
 * writes it; without it, whose first call loads the ICU number formatter
 * (10-25 ms of every Action run that renders a count).
 */
export function thousands(count: number): string {
  return String(count).replace(/\B(?=(?:\d{3})+(?!\d))/g, ',')
}
