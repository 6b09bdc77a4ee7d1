/// <reference lib="webworker" />
/** Opens files and share links off the main thread: unpacking and parsing never freeze the page. */
import { runOpen, type OpenRequest } from './openRequest.js';

// The answer travels as JSON text: for a site of megabytes, JSON.parse on the main thread is much
// quicker than rebuilding the same objects from a structured clone (pnpm bench, "open largest").
self.onmessage = async (event: MessageEvent<OpenRequest>) => {
  self.postMessage(JSON.stringify(await runOpen(event.data)));
};
