import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const SCRIPT = join(root, 'scripts/preview-html.js')

const COMMENT = `<!-- plangate:v1 {"key":"hidden-marker"} -->
## ⛔ Blocked

| Resource | Action |
|---|---|
| \`aws_db_instance.main\` | replace<br>forced |

> [!CAUTION]
> All data is lost.

\`\`\`diff
+ added
! engine = "15" -> "16"
\`\`\`

<script>alert(1)</script>
`

let work = ''
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'plangate-preview-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

it('renders each .md file to HTML like GitHub, and skips screenshots without a browser', () => {
  writeFileSync(join(work, 'comment.md'), COMMENT)
  const result = spawnSync(process.execPath, [SCRIPT, work], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CHROMIUM_PATH: join(work, 'no-such-chromium') }
  })

  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  expect(result.stdout).toContain('screenshots skipped')
  const html = readFileSync(join(work, 'comment.html'), 'utf8')
  expect(html).toContain('<th>Resource</th>')
  expect(html).toContain(
    '<td><code>aws_db_instance.main</code></td>\n<td>replace<br>forced</td>'
  )
  expect(html).toContain('<span class="pl-mc">! engine = "15" -> "16"</span>')
  expect(html).toContain('markdown-alert-caution')
  expect(html).toMatch(/<p class="markdown-alert-title">.*Caution<\/p>/)
  expect(html).not.toContain('hidden-marker')
  expect(html).not.toContain('alert(1)')
})
