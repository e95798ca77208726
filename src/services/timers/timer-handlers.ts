/** Which handler fires each kind of durable timer. */

import { MODEL_RETRAIN, retrainModel } from '../predictive/retraining-timer.js';
import { breachAcceptance, recallAfterBreach, remindAcceptance } from '../sla/acceptance-timers.js';
import { breachFirstContact } from '../sla/first-contact-timer.js';
import { ACCEPTANCE_DUE, ACCEPTANCE_REMINDER, FIRST_CONTACT_DUE, RECALL_AFTER_BREACH } from '../sla/handoff-clocks.js';
import { breachFirstTouch, recallLead, warnRecall } from '../sla/lead-timers.js';
import { FIRST_TOUCH_DUE, RECALL_DUE, RECALL_WARNING } from '../sla/recall-clock.js';
import type { TimerHandler } from './timer-handler.js';

export const timerHandlers: Readonly<Record<string, TimerHandler>> = {
  [ACCEPTANCE_REMINDER]: remindAcceptance,
  [ACCEPTANCE_DUE]: breachAcceptance,
  [RECALL_AFTER_BREACH]: recallAfterBreach,
  [FIRST_CONTACT_DUE]: breachFirstContact,
  [FIRST_TOUCH_DUE]: breachFirstTouch,
  [RECALL_WARNING]: warnRecall,
  [RECALL_DUE]: recallLead,
  [MODEL_RETRAIN]: retrainModel,
};
