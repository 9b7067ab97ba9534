/** Lets the event loop serve what waits (requests) between the chunks of a long job. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
