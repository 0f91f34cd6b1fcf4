// A re-armable timer: "this must happen within N ms, or else".

/** A timer that can be armed, re-armed and cleared; it never keeps the process alive. */
export interface Deadline {
  arm(): void;
  clear(): void;
}

/** Creates a deadline that calls `onExpire` when armed and not cleared within `ms`. */
export function createDeadline(ms: number, onExpire: () => void): Deadline {
  let timer: NodeJS.Timeout | undefined;
  return {
    arm() {
      clearTimeout(timer);
      timer = setTimeout(onExpire, ms);
      timer.unref();
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
