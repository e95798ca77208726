import { describe, expect, it } from 'vitest';
import { slack } from '../../integrations/notify/slack.js';
import { wecom } from '../../integrations/notify/wecom.js';
import { eventMessage } from './event-message.js';

const dispatch = {
  id: 'e1',
  type: 'dispatch.requested',
  occurredAt: '2026-03-02T01:00:00.000Z',
  data: {
    handoff: { id: 'h1', leadId: 'l1', kind: 'dispatch' },
    lead: { id: 'l1', name: '王经理', company: '上海云帆', region: '上海', industry: '软件', score: 35, grade: 'B2' },
    reasons: ['region: no rep covers 上海'],
  },
};

describe('event messages', () => {
  it('makes a dispatch request a lead card with why no rep fit and a link to the hand-off', () => {
    const m = eventMessage(dispatch, 'https://leads.example.cn/');
    expect(m.fields).toEqual([
      ['客户', '王经理'],
      ['公司', '上海云帆'],
      ['地区', '上海'],
      ['行业', '软件'],
      ['评分', '35（B2）'],
    ]);
    expect(m.notes).toEqual(['为何无人匹配：', '• region: no rep covers 上海']);
    expect(m.link).toEqual({ label: '去分配', url: 'https://leads.example.cn/handoffs/h1' });
  });

  it('links to the lead when there is no hand-off, and shows a status change', () => {
    const m = eventMessage(
      { id: 'e2', type: 'lead.status_changed', occurredAt: '', data: { leadId: 'l9', from: 'mql', to: 'sql' } },
      'http://localhost:3000',
    );
    expect(m.fields).toContainEqual(['状态', 'mql → sql']);
    expect(m.link?.url).toBe('http://localhost:3000/leads/l9');
  });

  it('escapes Slack’s control characters and keeps WeCom within 4096 bytes', () => {
    const m = { ...eventMessage(dispatch, 'http://x'), title: 'A <b> & c' };
    const body = JSON.parse(slack.request([m], { url: 'http://s', secret: null }, new Date()).body);
    expect(body.blocks[0].text.text).toContain('A &lt;b&gt; &amp; c');
    const many = Array.from({ length: 40 }, () => m);
    expect(wecom.fits(wecom.request(many, { url: 'http://w', secret: null }, new Date()))).toBe(false);
    expect(wecom.fits(wecom.request([m], { url: 'http://w', secret: null }, new Date()))).toBe(true);
  });
});
