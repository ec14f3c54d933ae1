import type { ChangeAction } from '../model.js'

/** What a reason's wording may draw on. */
export interface ReasonContext {
  readonly action: ChangeAction
  readonly replacePaths: readonly string[]
  readonly module: string
  readonly movedFrom?: string
  readonly keepsOld?: boolean
}

const code = (text: string): string => `\`${text}\``

function listPaths(paths: readonly string[]): string {
  if (paths.length === 0) return 'an attribute'
  const shown = paths.slice(0, 3).map(code).join(', ')
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown
}

function describeIndex(index: unknown): string {
  if (typeof index === 'number') return ` no longer includes index ${index}`
  if (typeof index === 'string')
    return ` no longer includes key ${JSON.stringify(index)}`
  return ' no longer includes this instance'
}

/**
 * Puts a Terraform/OpenTofu `action_reason` into words. Returns undefined
 * for a reason plangate does not know, so the caller can say so.
 */
export function explainReason(
  reason: string,
  context: ReasonContext,
  /** `index` of the resource instance (count number or for_each key). */
  index?: unknown
): string | undefined {
  const replaced =
    context.keepsOld === true
      ? 'replaced (old object kept, forgotten)'
      : 'replaced'
  switch (reason) {
    case 'replace_because_cannot_update':
      return context.replacePaths.length === 0
        ? `${replaced} because a changed attribute cannot be updated in place`
        : `${replaced} because ${listPaths(context.replacePaths)} changed and cannot be updated in place`
    case 'replace_because_tainted':
      return `${replaced} because the object is tainted (a failed apply or \`terraform taint\`)`
    case 'replace_by_request':
      return `${replaced} because the plan was made with \`-replace\` for it`
    case 'replace_by_triggers':
      return `${replaced} because a reference in its \`replace_triggered_by\` changed`
    case 'delete_because_no_resource_config':
      return context.action === 'forget'
        ? 'forgotten (removed from state, the real object is kept) because a `removed` block with `destroy = false` covers it'
        : 'destroyed because its block was removed from the configuration'
    case 'delete_because_count_index':
      return `destroyed because \`count\`${describeIndex(index)}`
    case 'delete_because_each_key':
      return `destroyed because \`for_each\`${describeIndex(index)}`
    case 'delete_because_no_module': {
      const call =
        context.module === ''
          ? 'its module call'
          : `the module call ${code(context.module)}`
      return `destroyed because ${call} is gone from the configuration (removed, or its count/for_each no longer includes it)`
    }
    case 'delete_because_wrong_repetition':
      return 'destroyed because the resource switched between `count`, `for_each` and a single instance, so this instance key no longer exists'
    case 'delete_because_no_move_target':
      return context.movedFrom === undefined
        ? 'destroyed because a `moved` block points at an address that has no configuration'
        : `destroyed because a \`moved\` block moves it from ${code(context.movedFrom)} to an address that has no configuration`
    case 'delete_because_enabled_false':
      return 'destroyed because its `enabled` meta-argument is false'
    case 'forgot_because_lifecycle_destroy_in_state':
      return context.action === 'replace'
        ? 'replaced: a new object is created and the old one is forgotten (removed from state, the real object is kept, no longer managed), because the state records `lifecycle { destroy = false }` for it'
        : 'forgotten (removed from state, the real object is kept, no longer managed) because the state records `lifecycle { destroy = false }` for it: its block is gone from the configuration, and the setting it had when last applied still holds'
    case 'forgot_because_lifecycle_destroy_in_config':
      return context.action === 'replace'
        ? 'replaced: a new object is created and the old one is forgotten (removed from state, the real object is kept, no longer managed), because its configuration sets `lifecycle { destroy = false }`'
        : 'forgotten (removed from state, the real object is kept, no longer managed) because its configuration sets `lifecycle { destroy = false }`'
    case 'read_because_config_unknown':
      return 'read during apply because its configuration depends on values known only after apply'
    case 'read_because_dependency_pending':
      return 'read during apply because something it depends on has changes pending'
    case 'read_because_check_nested':
      return 'read during apply because it is inside a `check` block'
    default:
      return undefined
  }
}
