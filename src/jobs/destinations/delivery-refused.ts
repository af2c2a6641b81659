/** A delivery the rules forbid (egress policy, a path outside the root, an existing file): retrying cannot help. */
export class DeliveryRefused extends Error {
  override name = 'DeliveryRefused'
}
