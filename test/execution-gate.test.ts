import { ExecutionGate } from "../src/server/execution-gate";

/** Resolves once the promise has settled, with whether it had by then. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

it("admits what fits at once, queues the rest in arrival order, and admits them as room frees", async () => {
  const gate = new ExecutionGate({ capacity: 100, maxWaitMs: 10_000 });
  const first = await gate.enter(60);
  const second = await gate.enter(40);
  expect(gate.load).toEqual({ inFlight: 100, waiting: 0 });
  const big = gate.enter(70);
  const small = gate.enter(10);
  // The small one would fit once 10 is free, but it arrived after the big one: it waits its turn.
  expect(await settled(big)).toBe(false);
  expect(await settled(small)).toBe(false);
  expect(gate.load).toEqual({ inFlight: 100, waiting: 2 });
  second();
  expect(await settled(big)).toBe(false);
  first();
  expect(await settled(big)).toBe(true);
  expect(await settled(small)).toBe(true);
  expect(gate.load).toEqual({ inFlight: 80, waiting: 0 });
  (await big)();
  (await small)();
  expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
});

it("runs an operation costing more than the whole capacity alone, and counts a release once", async () => {
  const gate = new ExecutionGate({ capacity: 100, maxWaitMs: 10_000 });
  const small = await gate.enter(5);
  const huge = gate.enter(500);
  expect(await settled(huge)).toBe(false);
  small();
  small();
  const release = await huge;
  expect(gate.load).toEqual({ inFlight: 500, waiting: 0 });
  const next = gate.enter(1);
  expect(await settled(next)).toBe(false);
  release();
  (await next)();
  expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
});

it("answers SERVICE_UNAVAILABLE to an operation that waits too long, and lets the next one in", async () => {
  const gate = new ExecutionGate({ capacity: 100, maxWaitMs: 50 });
  const holder = await gate.enter(90);
  const tooBig = gate.enter(50);
  const fits = gate.enter(10);
  await expect(tooBig).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  // Behind the one that gave up, the small one fits beside the holder.
  expect(await settled(fits)).toBe(true);
  holder();
  (await fits)();
  expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
});
