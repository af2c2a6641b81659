/** The egress policy and proxy every task fetch goes through; see egress-proxy.ts. */
export { startEgressProxy, DEFAULT_EGRESS_LIMITS, type EgressProxy, type EgressProxyOptions, type EgressLimits, type Lookup } from './egress-proxy.ts'
export { createHostPolicy, matchesHost, normalizeHost, type FetchPolicyConfig, type HostPolicy, type HostDecision } from './host-policy.ts'
export { classifyAddress, parseIpv4, parseIpv6, normalizeIpv4, type AddressClass } from './classify-address.ts'
export { fetchViaEgress } from './fetch-via-egress.ts'
export { EGRESS_SOCKET_ENV, EGRESS_URL, type EgressReply, type EgressRequest } from './protocol.ts'
