import { expect, test } from 'bun:test'
import * as logger from '../../src/lib/logger.ts'

test('the public API of src/lib/logger is unchanged', () => {
  expect(Object.keys(logger).sort()).toEqual(['LOG_LEVEL_RANK', 'createLogger'])
})
