import type { Clock } from '../clock/clock';
import type { Message } from './types';

/**
 * Durable timers are inbox messages that become visible at their fire time. Each one due in the
 * future gets its own clock timer, so a virtual clock fires them one by one in time order and
 * waits for the episode each one causes before firing the next.
 */
export class TimerArming {
  constructor(
    private readonly clock: Clock,
    private readonly onFire: (message: Message) => void,
  ) {}

  arm(message: Message): void {
    if (message.timerHandle || message.fired) return;
    if (message.visibleAt <= this.clock.now()) {
      message.fired = true;
      return;
    }
    message.timerHandle = this.clock.setTimer(message.visibleAt, () => {
      message.timerHandle = undefined;
      message.fired = true;
      this.onFire(message);
    });
  }

  disarm(message: Message): void {
    if (message.timerHandle) {
      this.clock.clearTimer(message.timerHandle);
      message.timerHandle = undefined;
    }
  }
}
