/**
 * The normalised change model shared by every plan format.
 *
 * Readers (src/plan/) turn a tool's plan into these types; renderers
 * (src/report/) and the gate (src/gate/) only ever see these types. Every
 * string in a model value has already been through redaction: a sensitive
 * value never reaches a renderer.
 */

/** The effect a change has on the real object, whatever the tool calls it. */
export const CHANGE_ACTIONS = [
  'create',
  'update',
  'replace',
  'destroy',
  'forget',
  'read',
  'no-op'
] as const
export type ChangeAction = (typeof CHANGE_ACTIONS)[number]

/** Whether the old object is removed before (`-/+`) or after (`+/-`) the new one exists. */
export type ReplaceOrder = 'delete-first' | 'create-first'

/**
 * The plan formats plangate reads: Terraform/OpenTofu JSON plans (also what
 * cdktf produces), CloudFormation change sets (CDK, SAM, plain
 * CloudFormation), a diff of two CloudFormation templates (CDK without AWS
 * credentials) and Pulumi preview digests.
 */
export const PLAN_FORMATS = [
  'terraform',
  'opentofu',
  'cloudformation',
  'cloudformation-template',
  'pulumi'
] as const
export type PlanFormat = (typeof PLAN_FORMATS)[number]

/**
 * One side of an attribute diff, after redaction.
 * `absent` means the attribute does not exist on that side (created or removed).
 */
export type AttributeValue =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'sensitive' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'absent' }

/** One changed leaf attribute of a resource (or output). */
export interface AttributeChange {
  /** Terraform-style path: `tags["Name"]`, `ingress[0].cidr_blocks`. */
  readonly path: string
  readonly before: AttributeValue
  readonly after: AttributeValue
  /** True when the tool said a change of this path forces replacement. */
  readonly forcesReplacement: boolean
}

/** One resource instance (or deposed object) and what the plan does to it. */
export interface ResourceChange {
  readonly address: string
  readonly type: string
  readonly name: string
  /**
   * Where the resource lives inside the plan: the Terraform module address
   * path (`module.net.module.subnet["a"]`), the nested-stack path of a
   * CloudFormation change (`Network/Subnets`), the parent URN path of a
   * Pulumi component. Empty at the root.
   */
  readonly module: string
  readonly provider: string
  readonly mode: 'managed' | 'data'
  readonly action: ChangeAction
  /** For `replace` only. */
  readonly replaceOrder?: ReplaceOrder
  /**
   * For `replace` only: the old object is left in place and only forgotten
   * (Terraform `["create","forget"]`, OpenTofu `["forget","create"]`).
   */
  readonly keepsOld?: boolean
  /**
   * For `replace`: the tool cannot tell yet whether it will replace
   * (CloudFormation `Replacement: Conditional` or `Dynamic`, CDK
   * `MAY_REPLACE`). Still destructive: plangate fails closed.
   */
  readonly conditional?: true
  /** The old object is snapshotted before it is deleted (CloudFormation `Snapshot` policies), on a destroy or a replace. */
  readonly snapshot?: true
  /** The destroy will be refused by the tool (Pulumi `protect`); still shown and gated. */
  readonly protected?: true
  /**
   * Settings of the tool (not properties of the object) that decide what a
   * later delete does, when this change alters them: Pulumi `protect` and
   * `retainOnDelete`, CloudFormation `DeletionPolicy` and
   * `UpdateReplacePolicy` (template diffs). Absent when none changes.
   */
  readonly lifecycle?: readonly LifecycleChange[]
  /** A human name for the resource next to its address (the CDK construct path). */
  readonly label?: string
  /** Previous address when a `moved` block relocates the object. */
  readonly movedFrom?: string
  /** True when the plan imports an existing object (import block). */
  readonly imported: boolean
  /** The import ID when the tool gives one. */
  readonly importId?: string
  /**
   * The identity an import block names instead of an ID (Terraform and
   * OpenTofu 1.12+ `importing.identity`), as `key = value` pairs.
   */
  readonly importIdentity?: string
  /**
   * The object's resource identity (1.12+ `before_identity`, else
   * `after_identity`), as `key = value` pairs: which real object an address
   * means when the address alone is ambiguous (a deposed object).
   */
  readonly identity?: string
  /** Deposed object key: a leftover object of a failed create-before-destroy. */
  readonly deposed?: string
  /** The tool's own reason, verbatim (Terraform's `action_reason`). */
  readonly reason?: string
  /** The reason in words, for people. */
  readonly explanation?: string
  /** Attribute paths that forced a replacement, in Terraform path style. */
  readonly replacePaths: readonly string[]
  /**
   * True for `replace` and `destroy` of real objects. A replacement that
   * keeps the old object is still destructive: a new, empty object takes
   * its place (a renamed table, say), and the old one is no longer managed.
   */
  readonly destructive: boolean
  /** Changed leaf attributes, in a stable order. Empty for `no-op`. */
  readonly attributes: readonly AttributeChange[]
  /**
   * For `replace` and `destroy`: the resources that depend on this one,
   * directly or through others, nearest first (the blast radius). Absent
   * when the plan says nothing about dependencies or none was found.
   */
  readonly dependents?: readonly Dependent[]
  /** True when the blast-radius search stopped at its cap: there are more dependents than listed. */
  readonly dependentsCapped?: true
}

/** How one resource depends on another, as the plan or template says. */
export const DEPENDENCY_KINDS = [
  /** An expression of its configuration refers to it (Terraform `references`, CloudFormation `Ref`/`Fn::GetAtt`). */
  'reference',
  /** An explicit `depends_on` / `DependsOn` in configuration or template. */
  'depends-on',
  /** The prior state records a dependency (Terraform `depends_on` in state); counts for destroys only. */
  'state',
  /** The change set says the change of the other resource causes a change here (`CausingEntity`). */
  'causing-entity',
  /** Pulumi `dependencies` / `propertyDependencies`. */
  'pulumi'
] as const
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number]

/** One resource in the blast radius of a destroy or replace. */
export interface Dependent {
  /** Its address: a configuration address for Terraform (`module.app.aws_lb.main`, no instance key). */
  readonly address: string
  /** What it depends on directly: the changed resource's address, or an earlier dependent's. */
  readonly via: string
  readonly kind: DependencyKind
}

/** One edge of a dependency graph, seen from the resource depended on. */
export interface DependencyEdge {
  /** The node that depends on it. */
  readonly node: string
  readonly kind: DependencyKind
}

/**
 * Who depends on whom, as a plan (with its configuration, state or
 * template) tells: what the blast-radius search walks. Kept instead of the
 * raw sections, which are dropped after reading.
 */
export interface DependencyGraph {
  /**
   * Node → the nodes that depend on it directly. Nodes are resource
   * addresses in the `keys` space; nodes starting with `~` are not
   * resources (Terraform module variables and outputs): walked through,
   * never reported.
   */
  readonly dependents: ReadonlyMap<string, readonly DependencyEdge[]>
  /**
   * How a change's address maps to a node: `config` strips Terraform
   * instance keys (`aws_instance.web[2]` → `aws_instance.web`); `address`
   * uses the change's address as it is.
   */
  readonly keys: 'config' | 'address'
}

/** A tool setting that decides what a delete does, before and after the change. */
export interface LifecycleChange {
  readonly name:
    'protect' | 'retainOnDelete' | 'DeletionPolicy' | 'UpdateReplacePolicy'
  /** `true`/`false` for Pulumi flags; `Delete`, `Retain`, `Snapshot`, `RetainExceptOnCreate` or `computed` for policies. */
  readonly before: string
  readonly after: string
}

/** What is at stake in a change, beyond its verb (docs/config.md, "What plangate gates"). */
export const RISK_KINDS = [
  'data-loss',
  'protection-lowered',
  'protected',
  'churn'
] as const
export type RiskKind = (typeof RISK_KINDS)[number]

/** One thing at stake in a change, with the reason in words. */
export interface Risk {
  readonly kind: RiskKind
  /** Why, for people: what is stateful and what protects it, which safeguard goes, which glob matched. */
  readonly detail: string
}

/** What the risk assessment found for one change. */
export interface ChangeRisks {
  readonly risks: readonly Risk[]
  /** The `allow` glob that matched the change: not gated by who caused it or by `always-gate`, except `protected`. */
  readonly allowedBy?: string
}

/** A root module output and how the plan changes it. */
export interface OutputChange {
  readonly name: string
  readonly action: Exclude<ChangeAction, 'replace' | 'forget' | 'read'>
  readonly sensitive: boolean
  readonly attributes: readonly AttributeChange[]
}

/** A check block result (Terraform `checks`). */
export interface CheckResult {
  readonly address: string
  readonly status: 'pass' | 'fail' | 'error' | 'unknown'
  readonly problems: readonly string[]
}

/** Why a plan cannot be trusted as a complete picture of the change. */
export interface Incompleteness {
  readonly errored: boolean
  readonly applyable: boolean
  readonly complete: boolean
  /** Human explanations, one per problem. */
  readonly notes: readonly string[]
}

/** Where a plan's resources are written, for attribution (Terraform/OpenTofu). */
export interface SourceMap {
  /**
   * Module path (`''` for the root, `net`, `net.subnet`: call names only) →
   * its directory relative to the root module, for local module sources.
   * Modules from a registry or git are absent: their code is not in the repo.
   */
  readonly moduleDirs: Readonly<Record<string, string>>
  /**
   * Configuration address (`module.net.aws_subnet.a`, no instance keys) →
   * what its expressions, `count` and `for_each` refer to (`var.cidr`,
   * `local.tags`, `aws_vpc.main`), as the plan's configuration lists them.
   */
  readonly references: Readonly<Record<string, readonly string[]>>
  /**
   * Configuration address → expression name (`count`, `for_each`, or a
   * top-level argument such as `triggers_replace`) → what that one
   * expression refers to. Lets attribution follow the plan's own reason
   * (`delete_because_count_index` → `count`) instead of the whole block.
   */
  readonly expressionReferences?: Readonly<
    Record<string, Readonly<Record<string, readonly string[]>>>
  >
}

/**
 * A Terraform action (1.14+) that applying the plan will run: a provider
 * operation outside any resource's lifecycle (invoke a Lambda, stop an
 * instance, run a script). It changes real infrastructure without a
 * resource change, so a plan whose only effect is an action is not "no
 * changes".
 */
export interface ActionInvocation {
  /** `action.TYPE.NAME` (with module path and instance key). */
  readonly address: string
  readonly type: string
  readonly name: string
  readonly provider: string
  /** `lifecycle`: run around a resource change; `invoke`: run by `terraform plan -invoke`, without one. */
  readonly trigger: 'lifecycle' | 'invoke'
  /** The resource whose change triggers it (lifecycle) or that calls it (invoke), when given. */
  readonly triggeringResource?: string
  /** The triggering event as the plan spells it (`after_create`, `before_destroy`, `AfterUpdate`). */
  readonly event?: string
  /** What Terraform does when the action fails (`halt`, `taint`, `continue`), verbatim. */
  readonly onFailure?: string
  /** Why it is deferred to a later plan (deferred_action_invocations), verbatim. */
  readonly deferred?: string
  /**
   * True when the gate holds it like a destructive change: it runs on a
   * destroy (`before_destroy`/`after_destroy`), or with no resource change
   * at all (`-invoke`), so no resource diff shows what it does.
   */
  readonly gatedKind: boolean
  /** The action's configuration, redacted (sensitive and unknown values masked). */
  readonly config: readonly AttributeChange[]
  /** What runs and why, for people. */
  readonly explanation: string
}

/** A plan of one tool, normalised. */
export interface Plan {
  /** Where the plan came from: a file path, or `-` for standard input. */
  readonly source: string
  readonly format: PlanFormat
  readonly formatVersion: string
  readonly toolVersion: string
  /** `normal`, `destroy` or `refresh-only`, as far as the plan tells (`normal` for non-Terraform formats). */
  readonly mode: 'normal' | 'destroy' | 'refresh-only'
  readonly changes: readonly ResourceChange[]
  /** Objects changed outside the tool; shown apart, never caused by the PR. */
  readonly drift: readonly ResourceChange[]
  readonly outputs: readonly OutputChange[]
  readonly checks: readonly CheckResult[]
  /** Present when the plan is errored, unapplyable for a reason other than "no changes", or partial. */
  readonly incomplete?: Incompleteness
  /** True when the plan was made with `-target` (only part of the configuration). */
  readonly targeted: boolean
  /** Non-fatal notes for the user (unknown format minor version, skipped entries). */
  readonly warnings: readonly string[]
  /** Where the resources are written, when the plan says (Terraform's `configuration`). */
  readonly sourceMap?: SourceMap
  /** The stack a CloudFormation change set or template diff is about, or the Pulumi `project/stack`. */
  readonly stack?: string
  /** Terraform actions (1.14+) that applying runs; absent when the plan has none. */
  readonly actions?: readonly ActionInvocation[]
  /** What depends on what, when the plan says; the changes' `dependents` are found in it. */
  readonly dependencies?: DependencyGraph
}

/** Counts per action. `destructive` counts replace + destroy of real objects. */
export type ActionCounts = Readonly<Record<ChangeAction, number>> & {
  readonly destructive: number
  readonly imported: number
  readonly moved: number
}

/** The gate's verdict. `blocked` is a normal outcome, not an error. */
export interface GateDecision {
  readonly verdict: 'pass' | 'blocked'
  /** One line for people: why it passes or blocks. */
  readonly summary: string
  /** Addresses (with plan source) of the changes that block, in report order. */
  readonly gated: readonly GatedChange[]
  /** Plan-level reasons to block (incomplete plans). */
  readonly planProblems: readonly string[]
  /**
   * Changes to trust-critical files (`protected-paths`: workflows, the
   * config, CODEOWNERS) that block on their own, whatever the plans say.
   */
  readonly gatedPaths: readonly GatedPath[]
  /**
   * Terraform action invocations held like destructive changes: those run
   * on a destroy, and those invoked without a resource change (`-invoke`).
   */
  readonly gatedActions: readonly GatedAction[]
}

/** A Terraform action invocation the gate holds. */
export interface GatedAction {
  readonly source: string
  /** The action's address (`action.aws_lambda_invoke.notify`). */
  readonly address: string
  /** `invoke`, or the lifecycle event (`before_destroy`) as the plan spells it. */
  readonly trigger: string
  /** The resource that triggers or calls it; '' when none. */
  readonly triggeringResource: string
  readonly why: string
  readonly gatedBy: GateReason
}

/**
 * A commit's change to a protected path (a workflow, plangate's config,
 * CODEOWNERS): the files that decide what the gate sees are gated too.
 */
export interface GatedPath {
  /**
   * Repository-relative path (the new path of a rename, the old path of a
   * deletion). Absent when the commit's diff could not be read: it may have
   * changed any protected path, so it is gated without one.
   */
  readonly path?: string
  /** The path before a rename; the rename counts when either side is protected. */
  readonly previousPath?: string
  /** How the commit changed the file; `unknown` when its diff could not be read. */
  readonly status: 'added' | 'modified' | 'deleted' | 'renamed' | 'unknown'
  /** The commit that changed it. */
  readonly sha: string
  /** The `protected-paths` pattern that matched; absent for an unread diff. */
  readonly pattern?: string
  /** Who made the commit, as attribution concluded (automation counted as configured). */
  readonly author: 'ai' | 'automation' | 'human'
  /** `ai`: gated because an AI agent made the commit; `any`: `gate-on: any` gates every commit. */
  readonly rule: 'ai' | 'any'
  /** Why it is gated, in words. */
  readonly why: string
}

export interface GatedChange {
  readonly source: string
  readonly address: string
  readonly action: ChangeAction
  readonly why: string
  /** The rule that holds it (the first of them, when several do). */
  readonly gatedBy: GateReason
  /** Further rules that hold it too (an AI commit caused the destroy of a database, say). */
  readonly also?: readonly GateReason[]
}

/** A commit of the reviewed range and what plangate concluded about its author. */
export interface CommitReport {
  readonly sha: string
  readonly subject: string
  readonly verdict: 'ai' | 'automation' | 'human'
  readonly tool?: string
  readonly confidence?: 'definite' | 'likely' | 'weak'
  /** The lines that decided it: rule id, where it was found, the text. */
  readonly evidence: readonly {
    readonly ruleId: string
    readonly field: string
    readonly text: string
  }[]
}

/**
 * Why the gate holds a destructive change, for the reports' "why gated"
 * column: the rule of the policy that caught it.
 */
export type GateReason =
  /** `gate-on: destructive`: every destructive change needs approval. */
  | { readonly kind: 'policy' }
  /** No commit history was given, so nobody can say no AI agent caused it. */
  | { readonly kind: 'no-history' }
  /** An AI commit (or automation counted as AI) caused it. */
  | {
      readonly kind: 'ai-commit'
      readonly sha: string
      readonly tool?: string
      readonly confidence?: 'definite' | 'likely' | 'weak'
    }
  /** An AI commit's diff could not be read: it may have caused it. */
  | { readonly kind: 'ai-unread'; readonly sha: string }
  /** No commit could be tied to it and the policy gates such changes. */
  | { readonly kind: 'unattributed' }
  /** No commit could be tied to it, and an AI agent changed infrastructure code in the range. */
  | { readonly kind: 'unattributed-ai-infra' }
  /** `always-gate.data-loss`: it destroys or replaces a stateful resource, whoever caused it. */
  | { readonly kind: 'data-loss' }
  /** `always-gate.protection-lowered`: it removes a safeguard against deletion, whoever caused it. */
  | { readonly kind: 'protection-lowered' }
  /** `always-gate.protected`: the resource matches this glob; `allow` cannot lift it. */
  | { readonly kind: 'protected'; readonly pattern: string }
  /** `churn.max-destructive`: the pull request destroys or replaces more than `max` objects. */
  | { readonly kind: 'churn'; readonly count: number; readonly max: number }

/** Which commits caused a destructive change, and whether it is gated. */
export interface ChangeVerdict {
  /** The commits held responsible, oldest first, each with how it touched the change. */
  readonly causedBy: readonly { readonly sha: string; readonly how: string }[]
  /** False when no commit of the range could be tied to the change. */
  readonly pinned: boolean
  readonly gated: boolean
  /** Why it is gated or not, in words. */
  readonly why: string
  /** For a gated change: the rule that holds it. */
  readonly gatedBy?: GateReason
  /** Further rules that hold it too. */
  readonly also?: readonly GateReason[]
}

/** Everything one run found: the input of every renderer. */
export interface Analysis {
  readonly plans: readonly Plan[]
  readonly summary: ActionCounts
  readonly decision: GateDecision
  readonly warnings: readonly string[]
  /** The reviewed commits, when a history was given (`--repo`, or the pull request). */
  readonly commits?: readonly CommitReport[]
  /**
   * Per destructive change (and per update the gate holds, such as a
   * lowered safeguard), when a history was given.
   */
  readonly verdicts?: ReadonlyMap<ResourceChange, ChangeVerdict>
  /** Per change with something at stake (or allowed by `allow`): its risks. */
  readonly risks?: ReadonlyMap<ResourceChange, ChangeRisks>
}
