import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('npm run demo (the README quick start)', () => {
  it('reviews the example plans: one passes, one blocks, nothing sensitive printed', () => {
    const result = spawnSync(process.execPath, ['scripts/demo.js'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' }
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Verdict: PASS')
    expect(result.stdout).toContain(
      "Verdict: BLOCKED: 5 destructive changes need a human's approval (3 destroy, 2 replace)"
    )
    expect(result.stdout).toContain('(exit code 1: blocked)')
    expect(result.stdout).toContain(
      'caused by 0823c68 "Rename the orders database" (AI: claude-code, definite)'
    )
    expect(result.stdout).not.toContain('PGSECRET')
  })
})
