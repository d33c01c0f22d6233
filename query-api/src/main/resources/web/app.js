// The cirstream search page: plain DOM code talking to /v1/search and /v1/watch. URL parameters
// (ref, text, method, k, weight, composer, description, collection, category, tags, run=1, watch=1) prefill the form and can start a
// search and the live stream, so a link reproduces a query. The API key is never one of them (see api.js).
import { apiFetch, bindApiKey, errorText, releaseImages, showImage } from './api.js';
import { watchEvents } from './events.js';

const form = document.getElementById('search');
const statusLine = document.getElementById('status');
const resultsList = document.getElementById('results');
const liveList = document.getElementById('live');
const watchButton = document.getElementById('watch');
const preview = document.getElementById('ref-preview');
const WEIGHT_FIELD = { sum: 'w', slerp: 'alpha', weicom: 'lambda', cvsi: 'beta' };
// The live panel keeps the newest matches only: a watch left open must not grow the page without bound.
const LIVE_LIMIT = 100;
let watch = null;

function field(name) { return form.elements.namedItem(name); }

function filters() {
  const out = {};
  for (const name of ['collection', 'category']) {
    if (field(name).value.trim()) out[name] = field(name).value.trim();
  }
  const tags = field('tags').value.split(',').map(t => t.trim()).filter(Boolean);
  if (tags.length) out.tags = tags;
  const from = field('from').value, to = field('to').value;
  if (from || to) {
    out.captured_at = {};
    if (from) out.captured_at.from = from + 'T00:00:00Z';
    if (to) out.captured_at.to = to + 'T23:59:59Z';
  }
  return out;
}

function searchRequest() {
  const method = field('method').value;
  const request = { method, k: Number(field('k').value) || 12, filters: filters() };
  if (field('text').value.trim()) request.text = field('text').value.trim();
  if (field('ref').value.trim()) request.reference = { id: field('ref').value.trim() };
  if (method === 'composer' && field('composer').value.trim()) request.composer = field('composer').value.trim();
  if (field('description').value.trim()) request.description = field('description').value.trim();
  const weight = field('weight').value;
  if (weight !== '' && WEIGHT_FIELD[method]) request[WEIGHT_FIELD[method]] = Number(weight);
  return request;
}

async function search() {
  const request = searchRequest();
  const file = field('file').files[0];
  let init;
  if (file && !request.reference) {
    const body = new FormData();
    body.append('request', JSON.stringify(request));
    body.append('image', file);
    init = { method: 'POST', body };
  } else {
    init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) };
  }
  setStatus('Searching…');
  const response = await apiFetch('/v1/search', init);
  if (!response.ok) {
    setStatus(await errorText(response), true);
    return;
  }
  const body = await response.json();
  render(resultsList, body.results);
  setStatus(body.results.length + ' results by ' + body.method + ' in ' + body.timings.total_ms.toFixed(1)
      + ' ms (encode ' + body.timings.encode_ms.toFixed(1) + ', k-NN ' + body.timings.knn_ms.toFixed(1) + ')');
}

function setStatus(text, isError) {
  statusLine.textContent = text;
  statusLine.className = isError ? 'error' : '';
}

function card(result) {
  const item = document.createElement('li');
  item.className = 'card';
  item.dataset.id = result.id;
  const img = document.createElement('img');
  img.alt = 'image ' + result.id;
  showImage(img, result.id);
  const meta = result.metadata || {};
  const text = document.createElement('div');
  const lines = [result.id, 'score ' + result.score.toFixed(3),
    [meta.collection, meta.category].filter(Boolean).join(' · '), (meta.tags || []).join(', ')];
  lines.forEach((line, n) => {
    const span = document.createElement('div');
    span.textContent = line;
    if (n === 1) span.className = 'score';
    text.appendChild(span);
  });
  const use = document.createElement('button');
  use.type = 'button';
  use.textContent = 'Use as reference';
  use.setAttribute('aria-label', 'Use ' + result.id + ' as the next reference');
  use.addEventListener('click', () => useAsReference(result.id));
  item.append(img, text, use);
  return item;
}

function render(list, results) {
  releaseImages(list);
  list.replaceChildren(...results.map(card));
}

function addLiveMatch(result) {
  liveList.prepend(card(result));
  while (liveList.children.length > LIVE_LIMIT) {
    releaseImages(liveList.lastElementChild);
    liveList.lastElementChild.remove();
  }
}

function useAsReference(id) {
  field('ref').value = id;
  field('file').value = '';
  showReference(id);
  field('text').focus();
}

function showReference(id) {
  releaseImages(preview);
  preview.replaceChildren();
  if (!id) return;
  const img = document.createElement('img');
  img.alt = 'reference ' + id;
  preview.appendChild(img);
  showImage(img, id);
}

function useUploadedFile() {
  const file = field('file').files[0];
  if (!file) return;
  // The latest choice is the reference: an id typed before would otherwise win over the upload.
  field('ref').value = '';
  showReference('');
  const img = document.createElement('img');
  img.alt = 'reference: uploaded ' + file.name;
  img.src = URL.createObjectURL(file);
  preview.appendChild(img);
}

function setWatching(on) {
  watchButton.setAttribute('aria-pressed', String(on));
  watchButton.textContent = on ? 'Stop watching' : 'Watch for new matches';
}

function stopWatching() {
  watch.abort();
  watch = null;
  setWatching(false);
}

function toggleWatch() {
  if (watch) {
    stopWatching();
    return;
  }
  const request = searchRequest();
  const params = new URLSearchParams({ method: request.method });
  if (request.reference) params.set('reference_id', request.reference.id);
  if (request.text) params.set('text', request.text);
  const f = request.filters;
  delete f.captured_at;
  if (Object.keys(f).length) params.set('filters', JSON.stringify(f));
  const controller = new AbortController();
  watch = controller;
  setWatching(true);
  // data-watch on the button mirrors the loop of the current watch (or of the one just stopped): a loop
  // replaced by a newer watch must not overwrite the newer one's state.
  const showState = state => {
    if (watch === controller || watch === null) watchButton.dataset.watch = state;
  };
  watchEvents('/v1/watch?' + params, {
    onEvent: (type, data) => {
      if (type === 'ready') setStatus('Watching for new matches…');
      else if (type === 'match') addLiveMatch(JSON.parse(data));
    },
    onTrouble: text => setStatus(text, true),
    onRefused: text => {
      stopWatching();
      setStatus(text, true);
    },
    onState: showState,
  }, controller.signal);
}

function prefillFromUrl() {
  const params = new URLSearchParams(location.search);
  const names = { ref: 'ref', text: 'text', method: 'method', k: 'k', weight: 'weight', composer: 'composer',
    description: 'description',
    collection: 'collection', category: 'category', tags: 'tags' };
  for (const [param, name] of Object.entries(names)) {
    if (params.has(param)) field(name).value = params.get(param);
  }
  showReference(field('ref').value);
  return { run: params.get('run') === '1', watch: params.get('watch') === '1' };
}

form.addEventListener('submit', event => {
  event.preventDefault();
  search().catch(error => setStatus('Search failed: ' + error.message, true));
});
field('ref').addEventListener('change', () => showReference(field('ref').value.trim()));
field('file').addEventListener('change', useUploadedFile);
watchButton.addEventListener('click', toggleWatch);
const keyField = document.getElementById('api-key');
bindApiKey(keyField);
// A reference preview that failed for want of a key loads once the key is there.
keyField.addEventListener('change', () => {
  if (field('ref').value.trim()) showReference(field('ref').value.trim());
});
const start = prefillFromUrl();
if (start.run) {
  search().catch(error => setStatus('Search failed: ' + error.message, true));
}
if (start.watch) {
  toggleWatch();
}
