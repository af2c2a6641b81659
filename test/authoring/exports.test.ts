import { expect, test } from 'bun:test'
import * as authoring from '../../src/authoring/index.ts'

test('the public exports of src/authoring are these (a change here is an API change)', () => {
  expect(Object.keys(authoring).sort()).toEqual([
    'authoringOver',
    'createAuthoring',
    'createMemoryTaskStateStore',
    'createSqliteTaskStateStore',
    'openTaskStates',
    'refusalOf',
    'viewTestReport',
    'viewTestResult',
  ])
})
