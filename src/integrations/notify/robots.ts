/** The team-chat robots LeadLoop posts to (SPEC §9), by kind. */
import type { RobotChannel } from './chat-message.js';
import { dingtalk } from './dingtalk.js';
import { feishu } from './feishu.js';
import { slack } from './slack.js';
import { wecom } from './wecom.js';

export const robotKinds = ['wecom', 'dingtalk', 'feishu', 'slack'] as const;
export type RobotKind = (typeof robotKinds)[number];

export const robotChannels: Record<RobotKind, RobotChannel> = { wecom, dingtalk, feishu, slack };
