/**
 * The execution Store contract (ExecutionReader & ExecutionWriter): every implementation (SQLite today,
 * PostgreSQL later) reruns this suite, the way the job and schedule stores rerun theirs. `makeStore`
 * returns a fresh, empty store; `options.reopen`, when the implementation keeps data across
 * connections, opens the database of the store made last again after it was closed. The parts live in
 * ./contract/.
 */
import type { Store } from '../../src/store/types.ts'
import { executionContract } from './contract/executions.ts'
import { contractContext, type StoreContractOptions } from './contract/fixtures.ts'
import { lifecycleContract } from './contract/lifecycle.ts'
import { listingContract } from './contract/listing.ts'
import { recordsContract } from './contract/records.ts'

export type { StoreContractOptions } from './contract/fixtures.ts'

export function runStoreContract(name: string, makeStore: () => Promise<Store>, options: StoreContractOptions = {}): void {
  const context = contractContext(name, makeStore, options)
  executionContract(context)
  listingContract(context)
  recordsContract(context)
  lifecycleContract(context)
}
