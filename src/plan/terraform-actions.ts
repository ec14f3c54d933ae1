import type { ActionInvocation } from '../model.js'
import { collectMaskedStrings } from '../redact/index.js'
import type { Redactor } from '../redact/index.js'
import { diffAttributes } from './attributes.js'
import { PlanParseError } from './errors.js'
import { describeScalar, isRecord, recordAt, stringAt } from './json.js'
import type { JsonRecord } from './json.js'

/**
 * Terraform 1.14+ `action_invocations` and `deferred_action_invocations`:
 * provider operations that applying the plan runs. The gate depends on
 * them, so an entry plangate cannot read refuses the plan (fail closed).
 */

/** Lifecycle events Terraform 1.14 to 1.16 know, lower-cased, without `_`. */
const KNOWN_EVENTS: ReadonlyMap<string, string> = new Map([
  ['beforecreate', 'before it is created'],
  ['aftercreate', 'after it is created'],
  ['beforeupdate', 'before it is updated'],
  ['afterupdate', 'after it is updated'],
  ['beforedestroy', 'before it is destroyed'],
  ['afterdestroy', 'after it is destroyed']
])

const DESTROY_EVENTS = new Set(['beforedestroy', 'afterdestroy'])

/** `after_destroy`, `AfterDestroy` and `after-destroy` are the same event. */
function eventKey(event: string): string {
  return event.toLowerCase().replace(/[_-]/g, '')
}

/** Gathers the strings an action's configuration marks sensitive. */
export function collectActionSecrets(doc: JsonRecord, into: Set<string>): void {
  for (const entry of invocationEntries(doc)) {
    if (!isRecord(entry.invocation)) continue
    collectMaskedStrings(
      entry.invocation.config_values,
      entry.invocation.config_sensitive,
      into
    )
  }
}

interface Entry {
  readonly invocation: unknown
  readonly where: string
  readonly deferred?: unknown
}

function invocationEntries(doc: JsonRecord): Entry[] {
  const entries: Entry[] = []
  const direct = doc.action_invocations
  if (Array.isArray(direct))
    direct.forEach((invocation: unknown, i) =>
      entries.push({ invocation, where: `action_invocations[${i}]` })
    )
  const deferred = doc.deferred_action_invocations
  if (Array.isArray(deferred))
    deferred.forEach((item: unknown, i) => {
      const where = `deferred_action_invocations[${i}]`
      entries.push(
        isRecord(item)
          ? {
              invocation: item.action_invocation,
              where: `${where}.action_invocation`,
              deferred: item.reason
            }
          : { invocation: item, where }
      )
    })
  return entries
}

/** Normalises every action invocation of a plan, deferred ones included. */
export function normalizeActionInvocations(
  doc: JsonRecord,
  source: string,
  redactor: Redactor
): ActionInvocation[] {
  for (const key of ['action_invocations', 'deferred_action_invocations']) {
    const value = doc[key]
    if (value !== undefined && !Array.isArray(value))
      throw new PlanParseError(
        source,
        `"${key}" to be an array`,
        describeScalar(value)
      )
  }
  return invocationEntries(doc).map((entry) =>
    normalizeInvocation(entry, source, redactor)
  )
}

function normalizeInvocation(
  entry: Entry,
  source: string,
  redactor: Redactor
): ActionInvocation {
  const { invocation, where } = entry
  if (!isRecord(invocation))
    throw new PlanParseError(
      source,
      `${where} to be an object`,
      describeScalar(invocation)
    )
  const address = stringAt(invocation, 'address')
  if (address === undefined)
    throw new PlanParseError(
      source,
      `${where} to have an address`,
      describeScalar(invocation.address)
    )
  const lifecycle = recordAt(invocation, 'lifecycle_action_trigger')
  const invoke =
    recordAt(invocation, 'invoke_action_trigger') ??
    recordAt(invocation, 'invoke_cmd_action_trigger')
  if ((lifecycle === undefined) === (invoke === undefined))
    throw new PlanParseError(
      source,
      `${where} (${address}) to have either lifecycle_action_trigger or invoke_action_trigger`,
      lifecycle === undefined ? 'neither' : 'both',
      'plangate does not guess when an action runs; upgrade plangate'
    )
  const text = (value: string): string => redactor.text(value)
  const deferred =
    entry.deferred === undefined
      ? undefined
      : typeof entry.deferred === 'string'
        ? entry.deferred
        : describeScalar(entry.deferred)
  const config = diffAttributes(
    { value: undefined, sensitive: false, absent: true },
    {
      value: invocation.config_values,
      sensitive: invocation.config_sensitive,
      unknown: invocation.config_unknown,
      absent:
        invocation.config_values === undefined ||
        invocation.config_values === null
    },
    redactor,
    []
  )
  const base = {
    address: text(address),
    type: stringAt(invocation, 'type') ?? 'unknown',
    name: stringAt(invocation, 'name') ?? 'unknown',
    provider: stringAt(invocation, 'provider_name') ?? 'unknown',
    config,
    ...(deferred === undefined ? {} : { deferred: text(deferred) })
  }
  const later =
    deferred === undefined
      ? ''
      : ` (deferred to a later plan: ${explainDeferral(deferred)})`
  if (invoke !== undefined) {
    const caller = stringAt(invoke, 'calling_resource_address')
    return {
      ...base,
      trigger: 'invoke',
      ...(caller === undefined ? {} : { triggeringResource: text(caller) }),
      gatedKind: true,
      explanation: `runs on apply because the plan was made with \`terraform plan -invoke\`, without any resource change${caller === undefined ? '' : ` (called for \`${text(caller)}\`)`}: no resource diff shows what it does${later}`
    }
  }
  const resource = stringAt(lifecycle ?? {}, 'triggering_resource_address')
  const event = stringAt(lifecycle ?? {}, 'action_trigger_event')
  const onFailure = stringAt(lifecycle ?? {}, 'on_failure')
  const key = event === undefined ? '' : eventKey(event)
  const when = KNOWN_EVENTS.get(key)
  const subject =
    resource === undefined ? 'its resource' : `\`${text(resource)}\``
  const explanation =
    when === undefined
      ? `runs on apply when ${subject} changes (event ${event === undefined ? 'not given' : `\`${event}\``}, one plangate does not know: held like a destroy)`
      : `runs on apply ${when.replace('it', subject)}`
  const failure =
    onFailure === undefined ? '' : `; if it fails: ${explainFailure(onFailure)}`
  return {
    ...base,
    trigger: 'lifecycle',
    ...(resource === undefined ? {} : { triggeringResource: text(resource) }),
    ...(event === undefined ? {} : { event }),
    ...(onFailure === undefined ? {} : { onFailure }),
    gatedKind: when === undefined || DESTROY_EVENTS.has(key),
    explanation: `${explanation}${failure}${later}`
  }
}

function explainFailure(onFailure: string): string {
  switch (eventKey(onFailure).replace(/^actiononfailure/, '')) {
    case 'halt':
      return 'the apply stops (`halt`)'
    case 'continue':
      return 'the apply goes on (`continue`)'
    case 'taint':
      return 'the resource is tainted and replaced next time (`taint`)'
    default:
      return `\`${onFailure}\``
  }
}

/** A `deferred_changes` / `deferred_action_invocations` reason in words; unknown ones verbatim. */
export function explainDeferral(reason: string): string {
  switch (reason) {
    case 'unknown':
      return 'Terraform did not say why (`unknown`)'
    case 'instance_count_unknown':
      return 'its `count` or `for_each` is known only after apply (`instance_count_unknown`)'
    case 'resource_config_unknown':
      return 'its configuration is known only after apply (`resource_config_unknown`)'
    case 'provider_config_unknown':
      return 'its provider configuration is known only after apply (`provider_config_unknown`)'
    case 'deferred_prereq':
      return 'something it depends on is deferred too (`deferred_prereq`)'
    case 'absent_prereq':
      return 'something it depends on does not exist yet (`absent_prereq`)'
    default:
      return `\`${reason}\` (a reason plangate does not know)`
  }
}
