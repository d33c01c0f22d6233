// Requests to /v1 with the optional API key. The key travels only in the X-API-Key header, never in a URL:
// URLs end up in access logs, proxies and browser history. It is kept in sessionStorage, so it lasts while
// the tab is open and is neither shared with other tabs nor written to disk for later sessions.

const KEY_STORAGE = 'cirstream.api-key';
let keyField = null;

/** Restores the key typed earlier in this tab into field and keeps the stored key in step with it. */
export function bindApiKey(field) {
  keyField = field;
  field.value = sessionStorage.getItem(KEY_STORAGE) ?? '';
  field.addEventListener('input', () => {
    if (apiKey()) sessionStorage.setItem(KEY_STORAGE, apiKey());
    else sessionStorage.removeItem(KEY_STORAGE);
  });
}

function apiKey() {
  return keyField ? keyField.value.trim() : '';
}

/** fetch with the X-API-Key header added when a key is set. */
export function apiFetch(path, init = {}) {
  const headers = new Headers(init.headers);
  if (apiKey()) headers.set('X-API-Key', apiKey());
  return fetch(path, { ...init, headers });
}

/** The status-line text for a failed answer: the API's JSON error, with a hint on what to do about a 401. */
export async function errorText(response) {
  const body = await response.json().catch(() => null);
  const error = body?.error ?? { code: 'http_' + response.status, message: response.statusText || 'request failed' };
  let text = error.code + ': ' + error.message;
  if (response.status === 401) {
    text += apiKey() ? ' (the API key entered was not accepted)'
      : ' (this server needs an API key: enter it in the "API key" field)';
  }
  return text;
}

function contentPath(id) {
  return '/v1/images/' + encodeURIComponent(id) + '/content';
}

/**
 * Shows an indexed image in img. Without a key a plain lazy URL does; with one the bytes are fetched with the
 * header into a blob URL, because an <img> cannot send headers. releaseImages frees those URLs.
 */
export function showImage(img, id) {
  if (!apiKey()) {
    img.loading = 'lazy';
    img.src = contentPath(id);
    return;
  }
  apiFetch(contentPath(id))
    .then(response => (response.ok ? response.blob() : null))
    .then(blob => {
      // An img dropped meanwhile (the grid was re-rendered) would keep its URL alive forever.
      if (blob && img.isConnected) img.src = URL.createObjectURL(blob);
    })
    // A failed image shows its alt text, as a broken <img src> would; the status line is for the search.
    .catch(() => {});
}

/** Revokes the blob URLs of the images under container, before it is emptied or re-rendered. */
export function releaseImages(container) {
  for (const img of container.querySelectorAll('img')) {
    if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
  }
}
