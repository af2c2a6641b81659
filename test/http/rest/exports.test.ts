import { expect, test } from 'bun:test'
import * as rest from '../../../src/http/rest/index.ts'

test('the public exports of the REST door', () => {
  expect(Object.keys(rest).sort()).toEqual(['REST_PREFIX', 'ROUTE_OPERATIONS', 'createApiDocs', 'createRestApi', 'parseListQuery', 'restRouteGroups'])
})
