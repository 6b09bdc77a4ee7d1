/// <reference lib="webworker" />
/** Opens files and share links off the main thread: unpacking and parsing never freeze the page. */
import { runOpen, type OpenRequest } from './openRequest.js';

self.onmessage = async (event: MessageEvent<OpenRequest>) => {
  self.postMessage(await runOpen(event.data));
};
