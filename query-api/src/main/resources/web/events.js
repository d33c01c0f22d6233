// A Server-Sent-Events client built on fetch, because EventSource cannot send the X-API-Key header.
import { apiFetch, errorText } from './api.js';

const RECONNECT_MS = 2000;

/**
 * A parser fed with text chunks that calls onEvent(type, data) per event: `event:` and `data:` lines, ended
 * by a blank line; lines end with \n, \r\n or \r, and a \r\n may be split between two chunks. Comments
 * (`:` lines, the server's keep-alive) and other fields are skipped.
 */
export function eventStreamParser(onEvent) {
  let pending = '';
  let skipLineFeed = false;
  let type = '';
  let data = [];

  function line(text) {
    if (text === '') {
      if (data.length) onEvent(type || 'message', data.join('\n'));
      type = '';
      data = [];
      return;
    }
    const colon = text.indexOf(':');
    const name = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') type = value;
    else if (name === 'data') data.push(value);
  }

  return chunk => {
    if (!chunk) return;
    if (skipLineFeed && chunk.startsWith('\n')) chunk = chunk.slice(1);
    // A chunk ending in \r has ended its line already; a \n opening the next chunk belongs to that line end.
    skipLineFeed = chunk.endsWith('\r');
    const lines = (pending + chunk).split(/\r\n|\r|\n/);
    pending = lines.pop();
    lines.forEach(line);
  };
}

async function readEventStream(response, onEvent) {
  const parse = eventStreamParser(onEvent);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    parse(chunk.value);
  }
}

function pause(ms, signal) {
  return new Promise(resolve => {
    const stop = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Keeps the event stream at path open until signal aborts. When the stream ends or fails, or the server is
 * unavailable (5xx), onTrouble(text) is told and it reconnects after a short delay; a 4xx answer (a missing key,
 * a bad query) would only repeat, so onRefused(text) is told and it stops. No callback but onState runs after the
 * abort. onState(state) follows the loop, so a page (and its tests) can tell what it is doing: 'connecting'
 * (a request is out), 'open' (the stream is being read), 'waiting' (a reconnect is scheduled) and, once the loop has
 * returned and nothing more will be sent, 'off'.
 */
export async function watchEvents(path, { onEvent, onTrouble, onRefused, onState = () => {} }, signal) {
  try {
    await watchLoop(path, { onEvent, onTrouble, onRefused, onState }, signal);
  } finally {
    onState('off');
  }
}

async function watchLoop(path, { onEvent, onTrouble, onRefused, onState }, signal) {
  while (!signal.aborted) {
    try {
      onState('connecting');
      const response = await apiFetch(path, { headers: { Accept: 'text/event-stream' }, signal });
      if (response.ok) {
        onState('open');
        await readEventStream(response, onEvent);
        onTrouble('The live stream ended; reconnecting…');
      } else {
        const text = await errorText(response);
        if (signal.aborted) return;
        if (response.status < 500) {
          onRefused(text);
          return;
        }
        onTrouble(text + '; retrying…');
      }
    } catch (error) {
      if (signal.aborted) return;
      onTrouble('The live stream was interrupted (' + error.message + '); reconnecting…');
    }
    if (signal.aborted) return;
    onState('waiting');
    await pause(RECONNECT_MS, signal);
  }
}
