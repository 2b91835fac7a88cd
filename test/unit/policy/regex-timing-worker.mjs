// Runs regexes against a hostile string off the main thread, so a catastrophic one can be stopped (terminate()).
import { parentPort, workerData } from 'node:worker_threads';

const { patterns, hostile } = workerData;
for (const [index, source] of patterns.entries()) {
  parentPort.postMessage({ started: index });
  const started = performance.now();
  new RegExp(source, 'g').test(hostile);
  parentPort.postMessage({ index, ms: performance.now() - started });
}
parentPort.postMessage({ done: true });
