// The map view's layout worker: a dedicated Web Worker that lays out the argument map off the
// main thread, so a map of hundreds or thousands of units never freezes the editor while dagre
// works. It answers each job ./layoutScheduler posts with `runLayoutJob` (./layout's pure
// `layoutGraph`, or the message of what it threw); the scheduler sends the next job only after
// the reply. Started by components/map/useMapLayout.
import { runLayoutJob, type LayoutJob, type LayoutReply } from './layoutScheduler';

// The worker's global scope, typed by hand: the project compiles against the DOM's types, not
// the WebWorker ones (which would clash with them).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutJob>) => void) | null;
  postMessage(reply: LayoutReply): void;
};

scope.onmessage = (event) => scope.postMessage(runLayoutJob(event.data));
