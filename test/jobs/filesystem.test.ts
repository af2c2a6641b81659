import { afterEach, describe, expect, test } from 'bun:test'
import { existsSync, readFileSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDeliverer, toCsv, type DeliveryRequest } from '../../src/jobs/index.ts'
import { makeTask } from '../helpers/make-task.ts'
import { makeTempRoot } from '../helpers/temp-files.ts'
import { openJobHarness, testSettings, type JobHarness } from './job-harness.ts'

let h: JobHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const COMPLETED_AT = '2026-03-01T12:34:56.789Z'

async function deliverTo(root: string, destinations: DeliveryRequest['destinations'], output: unknown = { rows: 2 }) {
  const deliverer = createDeliverer({ output: testSettings({}, root).output })
  return deliverer.deliver({ jobId: 'job-7', taskName: 'report', executionId: 'exec-9', status: 'completed', output, completedAt: COMPLETED_AT, destinations })
}

describe('filesystem destination', () => {
  test('writes pretty JSON to a templated path under the root, creating folders', async () => {
    const root = await makeTempRoot('ratchet-out-')
    const [attempt] = await deliverTo(root, [{ type: 'filesystem', path: '{{task}}/{{date}}/{{ job_id }}-{{execution_id}}-{{status}}.json' }])
    const file = join(root, 'report/2026-03-01/job-7-exec-9-completed.json')
    expect(attempt).toMatchObject({ ok: true, attempt: 1, type: 'filesystem', destination: 0, target: file, error: null })
    expect(readFileSync(file, 'utf8')).toBe('{\n  "rows": 2\n}\n')
  })

  test('writes CSV with a header of every key and quoted cells', async () => {
    const root = await makeTempRoot('ratchet-out-')
    const rows = [{ name: 'Ada', note: 'says "hi", twice' }, { name: 'Bob', city: 'Paris\nFrance', tags: ['a'] }, { name: ' padded', note: null }]
    const [attempt] = await deliverTo(root, [{ type: 'filesystem', path: 'people-{{timestamp}}.csv' }], rows)
    expect(attempt.target).toBe(join(root, 'people-2026-03-01T12-34-56-789Z.csv'))
    expect(readFileSync(attempt.target, 'utf8')).toBe('name,note,city,tags\r\nAda,"says ""hi"", twice",,\r\nBob,,"Paris\nFrance","[""a""]"\r\n" padded",,,\r\n')
  })

  test('refuses CSV for output that is not an array of objects, saying what to use instead', async () => {
    const root = await makeTempRoot('ratchet-out-')
    const [attempt] = await deliverTo(root, [{ type: 'filesystem', path: 'x.csv' }], { total: 1 })
    expect(attempt.ok).toBe(false)
    expect(attempt.error).toContain('csv needs the output to be an array of objects (one row each), but it is an object; use format json or yaml')
    expect(() => toCsv([1, 2])).toThrow('item 0 is a number')
    expect(existsSync(join(root, 'x.csv'))).toBe(false)
  })

  test('writes YAML when asked, or when the extension says so', async () => {
    const root = await makeTempRoot('ratchet-out-')
    await deliverTo(root, [{ type: 'filesystem', path: 'a.yaml' }, { type: 'filesystem', path: 'b.txt', format: 'yaml' }], { name: 'x: y', list: [1, true, null] })
    for (const file of ['a.yaml', 'b.txt']) expect(Bun.YAML.parse(readFileSync(join(root, file), 'utf8'))).toEqual({ name: 'x: y', list: [1, true, null] })
  })

  test('does not overwrite an existing file unless overwrite is true', async () => {
    const root = await makeTempRoot('ratchet-out-')
    writeFileSync(join(root, 'same.json'), 'old')
    const [refused] = await deliverTo(root, [{ type: 'filesystem', path: 'same.json' }])
    expect(refused.ok).toBe(false)
    expect(refused.error).toContain('already exists; set overwrite: true')
    expect(readFileSync(join(root, 'same.json'), 'utf8')).toBe('old')
    const [replaced] = await deliverTo(root, [{ type: 'filesystem', path: 'same.json', overwrite: true }])
    expect(replaced.ok).toBe(true)
    expect(JSON.parse(readFileSync(join(root, 'same.json'), 'utf8'))).toEqual({ rows: 2 })
  })

  test('refuses paths that leave the root, also through a symlinked folder', async () => {
    const root = await makeTempRoot('ratchet-out-')
    const outside = await makeTempRoot('ratchet-outside-')
    const [dots] = await deliverTo(root, [{ type: 'filesystem', path: '../escape.json' }])
    expect(dots.error).toContain('must not contain ".."')
    const [absolute] = await deliverTo(root, [{ type: 'filesystem', path: '/etc/escape.json' }])
    expect(absolute.error).toContain('not absolute')
    mkdirSync(join(root, 'sub'))
    symlinkSync(outside, join(root, 'sub/link'))
    const [linked] = await deliverTo(root, [{ type: 'filesystem', path: 'sub/link/escape.json' }])
    expect(linked.error).toContain('leads outside output.filesystem_root')
    expect(existsSync(join(outside, 'escape.json'))).toBe(false)
    // A variable's value cannot add folders or dots: it is reduced to file-name characters.
    const deliverer = createDeliverer({ output: testSettings({}, root).output })
    const [safe] = await deliverer.deliver({ jobId: '../../x', taskName: 'a/b', executionId: null, status: 'completed', output: 1, completedAt: COMPLETED_AT, destinations: [{ type: 'filesystem', path: '{{task}}-{{job_id}}.json' }] })
    expect(safe.target).toBe(join(root, 'a_b-.._.._x.json'))
  })

  test('creates no folder outside the root before refusing a path through a symlinked folder', async () => {
    const root = await makeTempRoot('ratchet-out-')
    const elsewhere = await makeTempRoot('ratchet-elsewhere-')
    symlinkSync(elsewhere, join(root, 'link'))
    const [linked] = await deliverTo(root, [{ type: 'filesystem', path: 'link/created-outside/deeper/z.json' }])
    expect(linked.ok).toBe(false)
    expect(linked.error).toContain('leads outside output.filesystem_root')
    expect(existsSync(join(elsewhere, 'created-outside'))).toBe(false)
    // A symlink inside the root that stays inside it is followed.
    mkdirSync(join(root, 'real'))
    symlinkSync(join(root, 'real'), join(root, 'alias'))
    const [inside] = await deliverTo(root, [{ type: 'filesystem', path: 'alias/new/z.json' }])
    expect(inside.ok).toBe(true)
    expect(existsSync(join(root, 'real/new/z.json'))).toBe(true)
  })

  test('never writes through a symlinked file, with or without overwrite', async () => {
    const root = await makeTempRoot('ratchet-out-')
    const elsewhere = await makeTempRoot('ratchet-elsewhere-')
    writeFileSync(join(elsewhere, 'victim.json'), 'untouched')
    symlinkSync(join(elsewhere, 'victim.json'), join(root, 'out.json'))
    const [plain] = await deliverTo(root, [{ type: 'filesystem', path: 'out.json' }])
    expect(plain.error).toContain('already exists')
    const [overwrite] = await deliverTo(root, [{ type: 'filesystem', path: 'out.json', overwrite: true }])
    expect(overwrite.error).toContain('is a symbolic link')
    // A dangling link is not followed to create its target either.
    symlinkSync(join(elsewhere, 'created.json'), join(root, 'dangling.json'))
    const [dangling] = await deliverTo(root, [{ type: 'filesystem', path: 'dangling.json' }])
    expect(dangling.ok).toBe(false)
    expect(existsSync(join(elsewhere, 'created.json'))).toBe(false)
    expect(readFileSync(join(elsewhere, 'victim.json'), 'utf8')).toBe('untouched')
  })

  test('a job delivers its output to a file and records the attempt', async () => {
    const root = await makeTempRoot('ratchet-out-')
    const echo = makeTask({ name: 'echo', code: 'async function main(input) {\n  return input\n}\n' })
    h = await openJobHarness({ tasks: [echo], settings: testSettings({}, root) })
    const { job } = await h.jobs.create({ taskName: 'echo', input: [{ a: 1 }, { a: 2 }], outputDestinations: [{ type: 'filesystem', path: '{{task}}/{{job_id}}.csv' }] })
    await h.waitForStatus(job.id, 'completed')
    const deadline = Date.now() + 3000
    while ((await h.jobs.deliveries(job.id)).length === 0 && Date.now() < deadline) await Bun.sleep(10)
    const [attempt] = await h.jobs.deliveries(job.id)
    expect(attempt).toMatchObject({ ok: true, type: 'filesystem', target: join(root, `echo/${job.id}.csv`) })
    expect(readFileSync(attempt.target, 'utf8')).toBe('a\r\n1\r\n2\r\n')
    expect(h.events.some((e) => e.type === 'job.delivery' && e.data.ok === true && e.data.target === attempt.target)).toBe(true)
  })
})
