/**
 * Tests a value against a glob where `*` matches any run of characters
 * (including none, and `/`) and `?` exactly one; everything else is literal
 * and compared case-insensitively. Linear backtracking (no regex), so a
 * pattern from a config file cannot blow up.
 */
export function matchGlob(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase()
  const v = value.toLowerCase()
  let pi = 0
  let vi = 0
  let star = -1
  let resume = 0
  while (vi < v.length) {
    if (
      pi < p.length &&
      (p[pi] === '?' || (p[pi] !== '*' && p[pi] === v[vi]))
    ) {
      pi++
      vi++
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++
      resume = vi
    } else if (star >= 0) {
      pi = star + 1
      vi = ++resume
    } else {
      return false
    }
  }
  while (pi < p.length && p[pi] === '*') pi++
  return pi === p.length
}
