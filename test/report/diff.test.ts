import { describe, expect, it } from 'vitest'
import type {
  AttributeChange,
  AttributeValue,
  ResourceChange
} from '../../src/model.js'
import { SENSITIVE_TEXT } from '../../src/redact/index.js'
import type { DiffStyle } from '../../src/report/diff.js'
import {
  renderAttributeDiff,
  renderAttributeLines
} from '../../src/report/diff.js'
import {
  analyzeFixtures,
  changeAt,
  fixtureText,
  onlyPlan,
  secretsIn
} from '../helpers.js'

const KITCHEN_SINK = onlyPlan(analyzeFixtures('terraform/kitchen-sink.json'))
const MULTILINE = onlyPlan(analyzeFixtures('terraform/multiline.json'))
const SENSITIVE = onlyPlan(analyzeFixtures('terraform/sensitive.json'))
const CLOUDFORMATION = onlyPlan(
  analyzeFixtures('cloudformation/cfn-changeset.json')
)
const PULUMI = onlyPlan(analyzeFixtures('pulumi/pulumi-preview.json'))

/** Real plans of every format, with replaces, destroys, creates and updates. */
const FIXTURES = [
  'terraform/kitchen-sink.json',
  'terraform/multiline.json',
  'terraform/sensitive.json',
  'terraform/replace-by-triggers.json',
  'terraform/replace-cannot-update.json',
  'terraform/replace-create-before-destroy.json',
  'terraform/destroy-plan.json',
  'terraform/create.json',
  'terraform/update.json',
  'cloudformation/cfn-changeset.json',
  'cloudformation/noecho-secret.json',
  'pulumi/pulumi-preview.json',
  'pulumi/secrets.json'
]

function changesOf(name: string): ResourceChange[] {
  return analyzeFixtures(name).plans.flatMap((plan) => [
    ...plan.changes,
    ...plan.drift
  ])
}

function diffOf(change: ResourceChange, style: DiffStyle): string[] {
  return renderAttributeDiff(change.attributes, change.action, style)
}

/** The attributes of a real change with some sides replaced. */
function withSides(
  change: ResourceChange,
  sides: (attribute: AttributeChange) => Partial<AttributeChange>
): AttributeChange[] {
  return change.attributes.map((a) => ({ ...a, ...sides(a) }))
}

const UNKNOWN: AttributeValue = { kind: 'unknown' }
const SENSITIVE_SIDE: AttributeValue = { kind: 'sensitive' }

describe('renderAttributeDiff, Markdown style', () => {
  it('reads kitchen-sink primary_db: the real changes, the forced one marked, the unknowns folded', () => {
    const change = changeAt(
      KITCHEN_SINK,
      'module.database.terraform_data.primary_db'
    )
    expect(diffOf(change, 'markdown')).toMatchInlineSnapshot(`
      [
        "! input.engine_version = "15.6" -> "16.2"",
        "! triggers_replace[0] = "15" -> "16"  # forces replacement",
        "# 2 attributes known after apply: id, output",
      ]
    `)
  })

  it('reads kitchen-sink legacy_bastion: the destroyed values once, the mirrored output as one line', () => {
    const change = changeAt(KITCHEN_SINK, 'terraform_data.legacy_bastion')
    expect(diffOf(change, 'markdown')).toMatchInlineSnapshot(`
      [
        "- id = "026540d5-5ee4-a08a-e9a8-268e60ee2d37"",
        "- input.host = "bastion.example.com"",
        "- input.port = 22",
        "# output: same as input",
      ]
    `)
  })

  it.each(FIXTURES)(
    '%s: every line has its sign in column 0, and no sign is ~',
    (name) => {
      let lines = 0
      for (const change of changesOf(name)) {
        let inString = false
        for (const line of diffOf(change, 'markdown')) {
          lines++
          expect(line).toMatch(/^[-+! #]/)
          expect(line).not.toMatch(/^\s*~/)
          // A multi-line string's own lines: the diff sign, then its text.
          if (line === '  EOT') inString = false
          else if (inString) expect(line).toMatch(/^[-+ ] {5}/)
          else if (/ = <<-EOT( {2}# forces replacement)?$/.test(line))
            inString = true
        }
      }
      expect(lines).toBeGreaterThan(0)
    }
  )

  it('marks a changed value with !, an added one with +, a removed one with -', () => {
    const vpc = changeAt(KITCHEN_SINK, 'module.network.terraform_data.vpc')
    expect(diffOf(vpc, 'markdown')[0]).toBe(
      '+ input.tags.cost-center = "cc-4711"'
    )
    const api = changeAt(
      KITCHEN_SINK,
      'module.app.terraform_data.service["api"]'
    )
    expect(diffOf(api, 'markdown')[0]).toBe(
      '! input.image = "registry.example.com/api:2.3.1" -> "registry.example.com/api:2.4.0"'
    )
    const alarm = changeAt(CLOUDFORMATION, 'HighErrorRateAlarm9D0B6C4E')
    expect(diffOf(alarm, 'markdown')).toContain(
      '- Properties.MetricName = "Errors"'
    )
  })

  it('expands a multi-line string with each diff sign in column 0', () => {
    const change = changeAt(MULTILINE, 'terraform_data.pretty_json')
    expect(diffOf(change, 'markdown')).toMatchInlineSnapshot(`
      [
        "! input = <<-EOT",
        "      {",
        "        "name": "app",",
        "-       "replicas": 2,",
        "+       "replicas": 3,",
        "        "env": {",
        "-         "LOG_LEVEL": "info",",
        "-         "FEATURE_X": "off"",
        "+         "LOG_LEVEL": "debug",",
        "+         "FEATURE_X": "off",",
        "+         "FEATURE_Y": "on"",
        "        },",
        "        "ports": [80, 443]",
        "      }",
        "  EOT",
        "# 1 attribute known after apply: output",
      ]
    `)
    const script = diffOf(
      changeAt(MULTILINE, 'terraform_data.bootstrap_script'),
      'markdown'
    )
    expect(script[0]).toBe('! input = <<-EOT')
    expect(script).toContain('-     apt-get install -y nginx=1.24.0-1')
    expect(script).toContain('+     apt-get install -y nginx=1.26.0-1 curl')
    expect(script).toContain('      set -euo pipefail')
    expect(script.at(-2)).toBe('  EOT')
  })

  it('keeps "# forces replacement" on the header of a multi-line string that forces it', () => {
    const change = changeAt(MULTILINE, 'terraform_data.bootstrap_script')
    const forced = withSides(change, (a) => ({
      forcesReplacement: a.path === 'input'
    }))
    const lines = renderAttributeDiff(forced, 'replace', 'markdown')
    expect(lines[0]).toBe('! input = <<-EOT  # forces replacement')
    expect(lines.filter((l) => l.includes('forces replacement'))).toEqual([
      lines[0]
    ])
  })
})

describe('renderAttributeDiff, terminal style', () => {
  it("keeps Terraform's ~ and indented multi-line signs, folded the same way", () => {
    const change = changeAt(
      KITCHEN_SINK,
      'module.database.terraform_data.primary_db'
    )
    expect(diffOf(change, 'terminal')).toEqual([
      '~ input.engine_version = "15.6" -> "16.2"',
      '~ triggers_replace[0] = "15" -> "16"  # forces replacement',
      '# 2 attributes known after apply: id, output'
    ])
    const script = diffOf(
      changeAt(MULTILINE, 'terraform_data.bootstrap_script'),
      'terminal'
    )
    expect(script[0]).toBe('~ input = <<-EOT')
    expect(script).toContain('    - apt-get install -y nginx=1.24.0-1')
    expect(script).toContain('    + apt-get install -y nginx=1.26.0-1 curl')
    expect(script.at(-1)).toBe('# 1 attribute known after apply: output')
  })

  it.each(FIXTURES)(
    '%s: folds exactly what the Markdown style folds',
    (name) => {
      for (const change of changesOf(name)) {
        const comments = (style: DiffStyle): string[] =>
          diffOf(change, style).filter((l) => l.startsWith('#'))
        expect(comments('terminal')).toEqual(comments('markdown'))
      }
    }
  )
})

describe('forces replacement', () => {
  it.each(FIXTURES)(
    '%s: every attribute that forces replacement keeps its own line',
    (name) => {
      for (const change of changesOf(name)) {
        const lines = diffOf(change, 'markdown')
        const fold = lines.find((l) => l.includes('known after apply:'))
        for (const attribute of change.attributes) {
          if (!attribute.forcesReplacement) continue
          expect(lines).toContainEqual(
            expect.stringMatching(
              new RegExp(
                `^[-+!] ${escapeRegExp(attribute.path)} = .*  # forces replacement$`
              )
            )
          )
          expect(fold ?? '').not.toContain(attribute.path)
        }
      }
    }
  )

  it('is never folded, even when its new value is known only after apply', () => {
    const change = changeAt(
      onlyPlan(analyzeFixtures('terraform/replace-cannot-update.json')),
      'terraform_data.server'
    )
    const unknown = withSides(change, () => ({ after: UNKNOWN }))
    expect(renderAttributeDiff(unknown, 'replace', 'markdown')).toEqual([
      '! triggers_replace[0] = "ami-111" -> (known after apply)  # forces replacement',
      '# 2 attributes known after apply: id, output'
    ])
  })

  it('CloudFormation: the property that forces a replacement stays, marked', () => {
    expect(
      diffOf(changeAt(CLOUDFORMATION, 'OrderEventsTopicB7D5E2A9'), 'markdown')
    ).toEqual([
      '+ Properties.FifoTopic = "true"  # forces replacement',
      '! Properties.TopicName = "order-events" -> "order-events.fifo"  # forces replacement'
    ])
  })

  it('Pulumi: the input that forces a replacement stays, marked', () => {
    expect(
      diffOf(
        changeAt(PULUMI, 'aws:dynamodb/table:Table::orders-table'),
        'markdown'
      )
    ).toEqual(['! name = "orders-v1" -> "orders-v2"  # forces replacement'])
  })
})

describe('known after apply', () => {
  it('folds unknown values into one trailing line, naming them in order', () => {
    const worker = changeAt(
      KITCHEN_SINK,
      'module.app.terraform_data.service["worker"]'
    )
    expect(diffOf(worker, 'markdown')).toEqual([
      '+ input.db = "primary-db.internal:5432"',
      '+ input.image = "registry.example.com/worker:1.0.0"',
      '+ input.replicas = 1',
      '# 2 attributes known after apply: id, output'
    ])
  })

  it('says "1 attribute" for one', () => {
    const change = changeAt(
      KITCHEN_SINK,
      'module.database.terraform_data.parameter_group'
    )
    expect(diffOf(change, 'markdown')).toEqual([
      '! input.family = "postgres15" -> "postgres16"',
      '# 1 attribute known after apply: output'
    ])
  })

  it('names six paths, then counts the rest', () => {
    const subnet = changeAt(
      KITCHEN_SINK,
      'module.network.terraform_data.subnet["public-b"]'
    )
    const unknown = withSides(subnet, () => ({ after: UNKNOWN }))
    expect(unknown).toHaveLength(7)
    expect(renderAttributeDiff(unknown, 'update', 'markdown')).toEqual([
      '# 7 attributes known after apply: id, input.cidr, input.name, input.vpc, output.cidr, output.name and 1 more'
    ])
  })

  it('CloudFormation: a property resolved at deploy time is folded, the real change kept', () => {
    expect(
      diffOf(changeAt(CLOUDFORMATION, 'OrdersHandlerF2A0C7D1'), 'markdown')
    ).toEqual([
      '! Properties.Timeout = "30" -> "60"',
      '# 1 attribute known after apply: Properties.Environment.Variables.TABLE_NAME'
    ])
  })

  it('leaves a change with nothing unknown unfolded', () => {
    const lines = diffOf(
      changeAt(PULUMI, 'aws:cloudwatch/logGroup:LogGroup::audit'),
      'markdown'
    )
    expect(lines).toEqual([
      '+ name = "/orders/audit"',
      '+ retentionInDays = 365'
    ])
  })
})

describe('destroys: a subtree that mirrors an earlier one', () => {
  it.each([
    'module.database.terraform_data.replica[1]',
    'module.network.terraform_data.subnet["public-b"]',
    'terraform_data.legacy_bastion'
  ])('kitchen-sink %s: output is shown once, as "same as input"', (address) => {
    const change = changeAt(KITCHEN_SINK, address)
    expect(change.action).toBe('destroy')
    const lines = diffOf(change, 'markdown')
    expect(lines.filter((l) => l === '# output: same as input')).toHaveLength(1)
    expect(lines.some((l) => l.startsWith('- output'))).toBe(false)
    const inputs = change.attributes.filter((a) => a.path.startsWith('input.'))
    expect(inputs.length).toBeGreaterThan(0)
    for (const input of inputs)
      expect(lines).toContainEqual(
        expect.stringMatching(`^- ${escapeRegExp(input.path)} = `)
      )
  })

  it('shows both subtrees when one leaf differs', () => {
    const change = changeAt(KITCHEN_SINK, 'terraform_data.legacy_bastion')
    const differs = withSides(change, (a) =>
      a.path === 'output.port' ? { before: { kind: 'value', value: 2222 } } : {}
    )
    expect(renderAttributeDiff(differs, 'destroy', 'markdown')).toEqual([
      '- id = "026540d5-5ee4-a08a-e9a8-268e60ee2d37"',
      '- input.host = "bastion.example.com"',
      '- input.port = 22',
      '- output.host = "bastion.example.com"',
      '- output.port = 2222'
    ])
  })

  it('shows both subtrees when one has a leaf the other lacks', () => {
    const change = changeAt(KITCHEN_SINK, 'terraform_data.legacy_bastion')
    const fewer = change.attributes.filter((a) => a.path !== 'input.port')
    expect(renderAttributeDiff(fewer, 'destroy', 'markdown')).toContain(
      '- output.port = 22'
    )
  })

  it('only folds on a destroy', () => {
    const change = changeAt(KITCHEN_SINK, 'terraform_data.legacy_bastion')
    const lines = renderAttributeDiff(change.attributes, 'forget', 'markdown')
    expect(lines).toContain('- output.host = "bastion.example.com"')
    expect(lines.some((l) => l.includes('same as'))).toBe(false)
  })

  it('leaves two equal bare scalars alone: they mirror nothing', () => {
    const change = changeAt(
      onlyPlan(analyzeFixtures('terraform/destroy-plan.json')),
      'terraform_data.network'
    )
    expect(diffOf(change, 'markdown')).toEqual([
      '- id = "ab8181cc-7f62-a542-50eb-b4383e908c8a"',
      '- input = "network"',
      '- output = "network"'
    ])
  })

  it('compares a sensitive leaf by its kind and prints no value of it', () => {
    const change = changeAt(KITCHEN_SINK, 'terraform_data.legacy_bastion')
    const masked = withSides(change, (a) =>
      a.path.endsWith('.port') ? { before: SENSITIVE_SIDE } : {}
    )
    expect(renderAttributeDiff(masked, 'destroy', 'markdown')).toEqual([
      '- id = "026540d5-5ee4-a08a-e9a8-268e60ee2d37"',
      '- input.host = "bastion.example.com"',
      `- input.port = ${SENSITIVE_TEXT}`,
      '# output: same as input'
    ])
    const oneMasked = withSides(change, (a) =>
      a.path === 'input.port' ? { before: SENSITIVE_SIDE } : {}
    )
    expect(renderAttributeDiff(oneMasked, 'destroy', 'markdown')).toContain(
      '- output.port = 22'
    )
  })
})

describe('sensitive values', () => {
  it.each([
    'terraform/sensitive.json',
    'terraform/kitchen-sink.json',
    'terraform/outputs.json',
    'cloudformation/noecho-secret.json',
    'pulumi/secrets.json'
  ])('%s: no secret of the fixture is printed, in either style', (name) => {
    const secrets = secretsIn(fixtureText(name))
    expect(secrets.length).toBeGreaterThan(0)
    const analysis = analyzeFixtures(name)
    const rendered: string[] = []
    for (const plan of analysis.plans) {
      for (const change of [...plan.changes, ...plan.drift])
        for (const style of ['markdown', 'terminal'] as const)
          rendered.push(...diffOf(change, style))
      for (const output of plan.outputs)
        for (const style of ['markdown', 'terminal'] as const)
          rendered.push(...renderAttributeLines(output.attributes, style))
    }
    const text = rendered.join('\n')
    expect(text).not.toContain('PGSECRET')
    for (const secret of secrets) expect(text).not.toContain(secret)
  })

  it('renders a masked value as (sensitive)', () => {
    expect(
      diffOf(changeAt(SENSITIVE, 'terraform_data.allowed_tokens'), 'markdown')
    ).toEqual([
      '+ input[0] = "public-token-a"',
      `+ input[1] = ${SENSITIVE_TEXT}`,
      '+ input[2] = "public-token-c"',
      '# 2 attributes known after apply: id, output'
    ])
    expect(
      diffOf(changeAt(SENSITIVE, 'terraform_data.rotated_key'), 'markdown')
    ).toEqual([
      `! input = ${SENSITIVE_TEXT} -> ${SENSITIVE_TEXT}`,
      '! triggers_replace[0] = "2024" -> "2025"  # forces replacement',
      '# 2 attributes known after apply: id, output'
    ])
  })

  it('masks the unmarked copy of a secret nested in a value, when it is shown', () => {
    const change = changeAt(SENSITIVE, 'terraform_data.db_connection')
    expect(renderAttributeLines(change.attributes, 'markdown')).toContain(
      `! output = {"host":"db.internal","password":"${SENSITIVE_TEXT}","port":5432} -> (known after apply)`
    )
  })
})

describe('renderAttributeLines', () => {
  it('shows every attribute, nothing folded', () => {
    const outputs = onlyPlan(analyzeFixtures('terraform/outputs.json')).outputs
    const lines = outputs.flatMap((o) =>
      renderAttributeLines(o.attributes, 'markdown')
    )
    expect(lines).toEqual(
      expect.arrayContaining([
        `! admin_password = ${SENSITIVE_TEXT} -> ${SENSITIVE_TEXT}`,
        '! endpoint = "https://v1.example.com" -> "https://v2.example.com"',
        '- legacy = "to be removed"',
        '+ new_id = (known after apply)',
        '+ region = "eu-west-1"'
      ])
    )
  })

  it('lists every attribute, nothing folded, with ~ in the terminal style', () => {
    const change = changeAt(
      KITCHEN_SINK,
      'module.database.terraform_data.primary_db'
    )
    const lines = renderAttributeLines(change.attributes, 'terminal')
    expect(lines[0]).toBe(
      '~ id = "a76f6176-7571-f157-f8dd-a46206d1ed42" -> (known after apply)'
    )
    expect(lines).toHaveLength(4)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
