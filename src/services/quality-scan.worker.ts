// A worker thread of `marquee quality scan`: computes textFacts for the texts it is sent and sends
// them back in the same order (the shingle arrays are transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { textFacts } from '../domain/quality/text-facts.js';
import type { TextFactsRequest, TextFactsReply } from './text-facts-pool.js';

parentPort!.on('message', (request: TextFactsRequest) => {
  const facts = request.texts.map((t) => textFacts({ headline: t.headline, body: t.body, options: request.options }));
  const reply: TextFactsReply = { seq: request.seq, facts };
  parentPort!.postMessage(reply, facts.map((f) => f.fingerprint.shingles.buffer as ArrayBuffer));
});
