/**
 * Webhook URLs as they may be shown: receivers put credentials in the path (Slack's
 * `/services/T…/B…/<token>`) and in the query (`?token=…`), so every query value is masked for
 * everyone, and the path is shown only to the owner of the job or schedule that holds the URL.
 * Userinfo and fragment are never shown.
 */

const HIDDEN = '***'

/** `https://host/path?token=***` with `path: true`, else `https://host/***?token=***`; "***" for an unparsable URL. */
export function maskWebhookUrl(raw: string, options: { path: boolean }): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return HIDDEN
  }
  const path = options.path || url.pathname === '/' ? url.pathname : `/${HIDDEN}`
  const query = [...url.searchParams.keys()].map((key) => `${encodeURIComponent(key)}=${HIDDEN}`).join('&')
  return `${url.origin}${path}${query ? `?${query}` : ''}`
}

/** `text` with every occurrence of `url` replaced by its masked form (delivery errors may quote the URL). */
export function maskUrlIn(text: string, url: string, masked: string): string {
  return url === '' ? text : text.split(url).join(masked)
}
