import { expect, test } from 'bun:test'
import * as tasks from '../../src/tasks/index.ts'

test('exposes a stable public API from src/tasks', () => {
  expect(Object.keys(tasks).sort()).toEqual([
    'TASK_NAME_PATTERN',
    'checkSchema',
    'checkSyntax',
    'compileSchema',
    'formatSchemaErrors',
    'isTaskDir',
    'loadTaskPackage',
    'toScript',
    'validateTaskDir',
  ])
})
