import { ownersOf } from './codeowners.js'
import type { Codeowners } from './codeowners.js'

/*
 * `approval.approvers: [codeowners]`: who owns each gated change. A change's
 * owners are the CODEOWNERS owners of the files that declare it (the union
 * when several do); changes sharing an owner set form a group, and each
 * group needs an approval from one of its owners. Changes no rule owns
 * (or all of them, when the base has no readable CODEOWNERS) form one
 * group that `approval.codeowners-fallback` decides.
 */

/** The word in `approval.approvers` that means "the code owners". */
export const CODEOWNERS_APPROVER = 'codeowners'

/**
 * Who approves a change without an owner: the other entries of
 * `approvers` (anyone eligible when there are none), anyone eligible, or
 * nobody (the merge needs a bypass).
 */
export const CODEOWNERS_FALLBACKS = ['approvers', 'anyone', 'block'] as const
export type CodeownersFallback = (typeof CODEOWNERS_FALLBACKS)[number]

/** Gated changes that share their owners. */
export interface OwnerGroup {
  /**
   * Lower-cased logins, `org/team` slugs and e-mail addresses, sorted;
   * empty for the changes nobody owns (the fallback applies).
   */
  readonly owners: readonly string[]
  /** The gated changes of the group, by address, in report order. */
  readonly changes: readonly string[]
}

/** What the approval core knows about the owners of the gated changes. */
export type Ownership =
  | {
      readonly kind: 'known'
      readonly groups: readonly OwnerGroup[]
      /** Why nothing is owned, when CODEOWNERS is missing or unreadable at the base. */
      readonly missing?: string
    }
  /** The declaring files are not known (no verified review record): no owner approval can count. */
  | { readonly kind: 'unknown'; readonly reason: string }

/** A gated change and the files that declare it. */
export interface OwnedItem {
  readonly address: string
  readonly files: readonly string[]
}

/**
 * Groups gated changes by their owners. Without a CODEOWNERS file
 * (`codeowners` undefined), every change is in the unowned group and
 * `missing` says why.
 */
export function groupByOwners(
  items: readonly OwnedItem[],
  codeowners: Codeowners | undefined,
  missing?: string
): Ownership {
  const groups = new Map<string, { owners: string[]; changes: string[] }>()
  for (const item of items) {
    const owners = new Set<string>()
    if (codeowners !== undefined)
      for (const file of item.files)
        for (const owner of ownersOf(codeowners, file)?.owners ?? [])
          owners.add(owner)
    const sorted = [...owners].sort()
    const key = JSON.stringify(sorted)
    const group = groups.get(key) ?? { owners: sorted, changes: [] }
    group.changes.push(item.address)
    groups.set(key, group)
  }
  // Owned groups first, in the order of their first change; the unowned group last.
  const list = [...groups.values()].sort(
    (a, b) => Number(a.owners.length === 0) - Number(b.owners.length === 0)
  )
  return {
    kind: 'known',
    groups: list,
    ...(codeowners === undefined && missing !== undefined ? { missing } : {})
  }
}
