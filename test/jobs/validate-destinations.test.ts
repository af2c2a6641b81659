import { describe, expect, test } from 'bun:test'
import { AppError } from '../../src/errors.ts'
import { validateDestinations } from '../../src/jobs/index.ts'
import { createHostPolicy } from '../../src/pool/egress/host-policy.ts'

const policy = createHostPolicy({ allowedHosts: ['hooks.example.com'], deniedHosts: [] })
const refusal = (value: unknown): AppError => {
  try {
    validateDestinations(value, policy)
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('the destinations were accepted')
}

describe('output destinations are checked by their type', () => {
  test('refuses credentials in a webhook URL, saying to use headers or secret', () => {
    for (const url of ['https://user:pass@hooks.example.com/in', 'https://token@hooks.example.com/in', 'https://:pw@hooks.example.com/in']) {
      const error = refusal([{ type: 'webhook', url }])
      expect(error.code).toBe('BAD_INPUT')
      expect(error.message).toBe('output_destinations[0].url: must not contain credentials (user:password@)')
      expect(error.hint).toContain('headers')
      expect(error.hint).toContain('secret')
      expect(JSON.stringify(error.toJSON())).not.toContain('pass@')
    }
  })

  test('refuses method GET on a webhook with the webhook rule, not the filesystem one', () => {
    const error = refusal([{ type: 'webhook', url: 'https://hooks.example.com/in', method: 'GET' }])
    expect(error.message).toContain('output_destinations[0].method: must be one of POST, PUT, PATCH, got "GET"')
    expect(error.message).not.toContain('path')
    expect(validateDestinations([{ type: 'webhook', url: 'https://hooks.example.com/in', method: 'put' }], policy)).toEqual([{ type: 'webhook', url: 'https://hooks.example.com/in', method: 'PUT' }])
  })

  test('a filesystem destination with a webhook field is told about that field', () => {
    const error = refusal([{ type: 'filesystem', path: 'a.json', url: 'https://hooks.example.com/in' }])
    expect(error.message).toBe('output_destinations[0].url: is not a known field')
  })
})
