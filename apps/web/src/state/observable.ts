/** A value that React reads with useSyncExternalStore: getState, subscribe, and set (which notifies). */
export class Observable<S> {
  private readonly listeners = new Set<() => void>();

  constructor(private state: S) {}

  getState = (): S => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected set(state: S): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
