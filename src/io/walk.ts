import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** What a walk found, as paths relative to its root with `/` separators. */
export interface WalkedTree {
  /** Regular files in the directories walked. */
  readonly files: string[]
  /**
   * Every directory met, the start one (unless it is the root) included:
   * the skipped ones and links to directories too, which are never entered.
   */
  readonly dirs: string[]
}

/**
 * Walks `cwd/start` without recursion, never entering a directory named in
 * `skip` or reached through a link. Unreadable directories are passed over.
 */
export function walkTree(
  cwd: string,
  start: string,
  skip: ReadonlySet<string>
): WalkedTree {
  const files: string[] = []
  const dirs = start !== '' && isDirectory(join(cwd, start)) ? [start] : []
  const pending = [start]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    let entries
    try {
      entries = readdirSync(join(cwd, next), { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries) {
      const path = next === '' ? entry.name : `${next}/${entry.name}`
      if (entry.isDirectory()) {
        dirs.push(path)
        if (!skip.has(entry.name)) pending.push(path)
      } else if (entry.isFile()) files.push(path)
      else if (entry.isSymbolicLink() && isDirectory(join(cwd, path)))
        dirs.push(path)
    }
  }
  return { files, dirs }
}

/** Whether a path is a directory (following links); false when it cannot be read. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
