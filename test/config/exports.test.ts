import { expect, test } from 'bun:test'
import * as config from '../../src/config/index.ts'

test('the public API of src/config is unchanged', () => {
  expect(Object.keys(config).sort()).toEqual(['DEFAULTS', 'ENV_OVERRIDES', 'defaultConfig', 'loadConfig', 'parseRustLog', 'resolveConfig'])
})
