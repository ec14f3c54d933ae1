import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { MAX_SUMMARY_BYTES, runAction } from '../support/action-run.js'
import {
  makeComment,
  makeSha,
  MAX_COMMENT_BODY_BYTES,
  MAX_COMMENT_BODY_CHARS,
  startFakeGitHub
} from '../support/fake-github.js'
import type { FakeGitHub, RestObject } from '../support/fake-github.js'

/**
 * The test doubles refuse what GitHub refuses, with GitHub's own answers:
 * comment bodies over 65,536 characters (or 262,144 UTF-8 bytes), status
 * descriptions over 140 characters, and (the runner) job summaries over
 * 1 MiB. Without these, a run that GitHub would reject passes its tests.
 */
const COMMENTS = '/repos/octo-org/infra/issues/7/comments'
const COMMENT = (id: number): string =>
  `/repos/octo-org/infra/issues/comments/${id}`

/** GitHub's 422 for a comment body over the limit (issue 10's production error). */
function bodyTooLong(docs: 'create' | 'update'): unknown {
  return {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: 'Body is too long (maximum is 65536 characters)'
      }
    ],
    documentation_url: `https://docs.github.com/rest/issues/comments#${docs}-an-issue-comment`,
    status: '422'
  }
}

/** A 4-byte UTF-8 character (two UTF-16 code units). */
const EMOJI = '🤖'

let fake: FakeGitHub | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function send(
  server: FakeGitHub,
  method: string,
  path: string,
  body: unknown
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  return { status: response.status, body: await response.json() }
}

async function withComment(): Promise<{
  server: FakeGitHub
  existing: RestObject
}> {
  const existing = makeComment({ id: 42, issue: 7, body: 'old' })
  fake = await startFakeGitHub({ comments: { 7: [existing] } })
  return { server: fake, existing }
}

describe('the fake GitHub refuses comment bodies GitHub refuses', () => {
  it('limits are GitHub’s: 65,536 characters and 262,144 bytes', () => {
    expect(MAX_COMMENT_BODY_CHARS).toBe(65_536)
    expect(MAX_COMMENT_BODY_BYTES).toBe(262_144)
  })

  it('creates a comment of exactly 65,536 characters', async () => {
    fake = await startFakeGitHub()
    const text = 'x'.repeat(65_536)
    const reply = await send(fake, 'POST', COMMENTS, { body: text })
    expect(reply.status).toBe(201)
    expect(fake.state.comments[7]?.map((c) => c['body'])).toEqual([text])
  })

  it('refuses 65,537 characters with GitHub’s 422 body and stores nothing', async () => {
    fake = await startFakeGitHub()
    const before = { now: fake.state.now, nextId: fake.state.nextId }
    const reply = await send(fake, 'POST', COMMENTS, {
      body: 'x'.repeat(65_537)
    })
    expect(reply).toEqual({ status: 422, body: bodyTooLong('create') })
    expect(fake.state.comments[7]).toBeUndefined()
    expect({ now: fake.state.now, nextId: fake.state.nextId }).toEqual(before)
    expect(fake.requests.map((r) => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
    ])
  })

  it('refuses a body of 4-byte characters over 262,144 bytes', async () => {
    fake = await startFakeGitHub()
    const text = EMOJI.repeat(65_537)
    expect(Buffer.byteLength(text)).toBe(262_148)
    const reply = await send(fake, 'POST', COMMENTS, { body: text })
    expect(reply).toEqual({ status: 422, body: bodyTooLong('create') })
    expect(fake.state.comments[7]).toBeUndefined()
  })

  it('counts JS string length, so 65,536 code units of 3-byte and 4-byte characters still fit', async () => {
    fake = await startFakeGitHub()
    // 196,608 and 131,072 bytes: under both limits.
    for (const text of ['€'.repeat(65_536), EMOJI.repeat(32_768)]) {
      const reply = await send(fake, 'POST', COMMENTS, { body: text })
      expect(reply.status).toBe(201)
    }
    const reply = await send(fake, 'POST', COMMENTS, {
      body: `${EMOJI.repeat(32_768)}x`
    })
    expect(reply).toEqual({ status: 422, body: bodyTooLong('create') })
    expect(fake.state.comments[7]).toHaveLength(2)
  })

  it('updates a comment to exactly 65,536 characters', async () => {
    const { server } = await withComment()
    const text = 'y'.repeat(65_536)
    const reply = await send(server, 'PATCH', COMMENT(42), { body: text })
    expect(reply.status).toBe(200)
    expect(server.state.comments[7]?.[0]?.['body']).toBe(text)
  })

  it('refuses an update to 65,537 characters with the update docs and keeps the old body', async () => {
    const { server, existing } = await withComment()
    const kept = structuredClone(existing)
    const reply = await send(server, 'PATCH', COMMENT(42), {
      body: 'y'.repeat(65_537)
    })
    expect(reply).toEqual({ status: 422, body: bodyTooLong('update') })
    expect(server.state.comments[7]).toEqual([kept])
  })

  it('refuses an update of 4-byte characters over 262,144 bytes', async () => {
    const { server, existing } = await withComment()
    const kept = structuredClone(existing)
    const reply = await send(server, 'PATCH', COMMENT(42), {
      body: EMOJI.repeat(70_000)
    })
    expect(reply).toEqual({ status: 422, body: bodyTooLong('update') })
    expect(server.state.comments[7]).toEqual([kept])
  })

  it('answers 404 for an unknown comment before looking at the body', async () => {
    const { server } = await withComment()
    const reply = await send(server, 'PATCH', COMMENT(43), {
      body: 'y'.repeat(65_537)
    })
    expect(reply.status).toBe(404)
  })
})

describe('the fake GitHub refuses long status descriptions', () => {
  const STATUSES = `/repos/octo-org/infra/statuses/${makeSha('head')}`

  it('accepts 140 characters', async () => {
    fake = await startFakeGitHub()
    const reply = await send(fake, 'POST', STATUSES, {
      state: 'failure',
      context: 'plangate/main',
      description: 'd'.repeat(140)
    })
    expect(reply.status).toBe(201)
    expect(fake.state.statuses[makeSha('head')]).toHaveLength(1)
  })

  it('refuses 141 characters with GitHub’s 422 body and stores nothing', async () => {
    fake = await startFakeGitHub()
    const reply = await send(fake, 'POST', STATUSES, {
      state: 'failure',
      context: 'plangate/main',
      description: 'd'.repeat(141)
    })
    expect(reply).toEqual({
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'Status',
            code: 'custom',
            field: 'description',
            message: 'description is too long (maximum is 140 characters)'
          }
        ],
        documentation_url:
          'https://docs.github.com/rest/commits/statuses#create-a-commit-status',
        status: '422'
      }
    })
    expect(fake.state.statuses).toEqual({})
  })
})

describe('runAction refuses a job summary over 1 MiB, as the runner does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plangate-summary-limit-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** A stand-in for the bundle that writes `bytes` bytes of job summary. */
  function writer(bytes: number): string {
    const script = join(dir, `write-${bytes}.mjs`)
    writeFileSync(
      script,
      `import { appendFileSync } from 'node:fs'\nappendFileSync(process.env.GITHUB_STEP_SUMMARY, 'é'.repeat(${Math.floor(bytes / 2)}) + 'x'.repeat(${bytes % 2}))\n`
    )
    return script
  }

  const run = (entry: string) =>
    runAction({
      cwd: dir,
      eventName: 'push',
      payload: {},
      inputs: {},
      entry
    })

  it('keeps a summary of exactly 1,048,576 bytes', async () => {
    expect(MAX_SUMMARY_BYTES).toBe(1_048_576)
    const result = await run(writer(MAX_SUMMARY_BYTES))
    expect(result.code).toBe(0)
    expect(Buffer.byteLength(result.summary)).toBe(MAX_SUMMARY_BYTES)
  })

  it('throws, naming the size, for 1,048,577 bytes', async () => {
    await expect(run(writer(MAX_SUMMARY_BYTES + 1))).rejects.toThrow(
      /job summary of 1048577 bytes, over the runner's limit of 1048576: .*supports content up to a size of 1024k, got 1024k/
    )
  })
})
