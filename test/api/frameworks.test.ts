import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const meet = {
  id: 'MEET',
  name: { zh: '约见意向', en: 'Meeting intent' },
  criteria: [
    {
      key: 'agreedToMeet',
      label: { zh: '同意约见', en: 'Agreed to meet' },
      question: '对方是否同意与销售见面？',
      answer: { type: 'yes_no_unknown' },
      points: 15,
    },
    {
      key: 'budgetBand',
      question: { zh: '预算区间？', en: 'Budget band?' },
      answer: {
        type: 'choice',
        options: [
          { value: 'lt100k', label: '10 万以下', points: 2 },
          { value: 'gte100k', label: '10 万及以上', points: 8 },
        ],
      },
    },
    { key: 'seats', question: '使用人数？', answer: { type: 'number', min: 1, max: 100000, unit: '人' }, points: 5 },
  ],
};

describe.each(engines())('qualification frameworks (%s)', (engine) => {
  let t: TestServer;
  let sdrLead: User;
  let sdr: User;
  let leadId: string;
  beforeAll(async () => {
    t = await startTestServer(engine);
    sdrLead = await makeUser(t, 'sdr_lead');
    sdr = await makeUser(t, 'sdr');
    leadId = (await t.admin('POST', '/leads', { name: '孙立', phone: '13812360001', channel: 'sem' })).body.lead.id;
  });
  afterAll(async () => t?.stop());

  it('adds a custom framework listed after the built-in ones', async () => {
    const created = await sdrLead.call('POST', '/frameworks', meet);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'MEET',
      builtIn: false,
      criteria: [
        {
          key: 'agreedToMeet',
          question: { zh: '对方是否同意与销售见面？', en: '对方是否同意与销售见面？' },
          points: 15,
        },
        { key: 'budgetBand', label: { zh: 'budgetBand', en: 'budgetBand' }, points: 0 },
        { key: 'seats', answer: { type: 'number', min: 1, max: 100000, unit: '人' }, points: 5 },
      ],
    });
    const list = await sdr.call('GET', '/frameworks');
    expect(list.body.items.map((f: any) => [f.id, f.builtIn])).toEqual([
      ['BANT', true],
      ['CHAMP', true],
      ['MEDDIC', true],
      ['MEET', false],
    ]);
  });

  it('names the bad field (400), refuses a taken id (409) and roles without the setting (403)', async () => {
    const badType = await sdrLead.call('POST', '/frameworks', {
      ...meet,
      id: 'MEET2',
      criteria: [{ key: 'x', question: 'q', answer: { type: 'stars' }, points: 1 }],
    });
    expectProblem(badType, 400);
    expect(badType.body.errors.map((e: any) => e.field)).toEqual(['criteria.0.answer.type']);
    const typo = await sdrLead.call('POST', '/frameworks', {
      ...meet,
      id: 'MEET2',
      criteria: [{ key: 'x', question: 'q', answer: { type: 'yes_no_unknown' }, point: 1 }],
    });
    expect(typo.body.errors.map((e: any) => e.field).sort()).toEqual(['criteria.0.point', 'criteria.0.points']);
    const builtInId = await sdrLead.call('POST', '/frameworks', { ...meet, id: 'bant' });
    expectProblem(builtInId, 400);
    expect(builtInId.body.errors[0].field).toBe('id');
    expectProblem(await sdrLead.call('POST', '/frameworks', { ...meet, id: 'meet' }), 409);
    const bySdr = await sdr.call('POST', '/frameworks', { ...meet, id: 'OTHER' });
    expectProblem(bySdr, 403);
    expect(bySdr.body.detail).toMatch(/sdr may not create or edit qualification frameworks/);
    const manager = await makeUser(t, 'sales_manager');
    expectProblem(await manager.call('PUT', '/frameworks/MEET', meet), 403);
    expectProblem(await sdrLead.call('PUT', '/frameworks/NOPE', meet), 404);
  });

  it('qualifies a lead with the custom framework, and names a bad answer (400)', async () => {
    const ok = await sdr.call('PUT', `/leads/${leadId}/qualification`, {
      framework: 'meet',
      answers: { agreedToMeet: 'yes', budgetBand: 'gte100k', seats: 200 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      framework: 'MEET',
      answers: { agreedToMeet: 'yes', budgetBand: 'gte100k', seats: 200 },
      points: 15 + 8 + 5,
    });
    const bad = await sdr.call('PUT', `/leads/${leadId}/qualification`, {
      framework: 'MEET',
      answers: { agreedToMeet: 'maybe', budgetBand: 'huge', seats: 0, color: 'red' },
    });
    expectProblem(bad, 400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual([
      'answers.agreedToMeet',
      'answers.budgetBand',
      'answers.color',
      'answers.seats',
    ]);
    const read = await sdr.call('GET', `/leads/${leadId}/qualification`);
    expect(read.body.items).toEqual([expect.objectContaining({ framework: 'MEET', points: 28 })]);
    const timeline = await sdr.call('GET', `/leads/${leadId}/timeline`);
    expect(timeline.body.items.filter((e: any) => e.data.action === 'lead.qualified')).toHaveLength(1);
  });

  it('lets a definition require a custom answer, and refuses an edit that would break it (409)', async () => {
    const marketing = await makeUser(t, 'marketing');
    const proposed = await marketing.call('POST', '/definitions/mql/versions', {
      criteria: [
        { kind: 'answer', framework: 'MEET', key: 'agreedToMeet', oneOf: ['yes'] },
        { kind: 'answer', framework: 'MEET', key: 'seats', min: 50 },
        { kind: 'contact', require: 'phone_or_email' },
      ],
    });
    expect(proposed.status).toBe(201);
    const withoutSeats = { ...meet, criteria: meet.criteria.filter((c) => c.key !== 'seats') };
    const broken = await sdrLead.call('PUT', '/frameworks/MEET', withoutSeats);
    expectProblem(broken, 409);
    expect(broken.body.detail).toMatch(/version 2 of the mql definition relies on MEET/);

    const edited = await sdrLead.call('PUT', '/frameworks/MEET', {
      ...meet,
      name: '约见意向（新版）',
      criteria: [...meet.criteria, { key: 'notes', question: '备注', answer: { type: 'text' }, points: 0 }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.name).toEqual({ zh: '约见意向（新版）', en: '约见意向（新版）' });
    expect(edited.body.criteria.map((c: any) => c.key)).toEqual(['agreedToMeet', 'budgetBand', 'seats', 'notes']);
  });

  it('edits a built-in template: questions and points change, its answer keys stay', async () => {
    const bant = (await sdr.call('GET', '/frameworks')).body.items.find((f: any) => f.id === 'BANT');
    const reworded = {
      name: bant.name,
      criteria: bant.criteria.map((c: any) =>
        c.key === 'budget'
          ? { ...c, question: { zh: '今年是否已批预算？', en: 'Is budget approved this year?' }, points: 20 }
          : c,
      ),
    };
    const edited = await sdrLead.call('PUT', '/frameworks/bant', reworded);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: 'BANT', builtIn: true });
    expect(edited.body.criteria[0]).toMatchObject({
      key: 'budget',
      points: 20,
      question: { zh: '今年是否已批预算？' },
    });
    const listed = (await sdr.call('GET', '/frameworks')).body.items;
    expect(listed.map((f: any) => f.id)).toEqual(['BANT', 'CHAMP', 'MEDDIC', 'MEET']);
    expect(listed[0].criteria[0].points).toBe(20);

    const dropped = await sdrLead.call('PUT', '/frameworks/BANT', {
      ...reworded,
      criteria: reworded.criteria.filter((c: any) => c.key !== 'timing'),
    });
    expectProblem(dropped, 400);
    expect(dropped.body.errors).toEqual([
      { field: 'criteria', message: 'must keep the built-in key "timing"', messageZh: '须保留内置键“timing”' },
    ]);
    const renamed = await sdrLead.call('PUT', '/frameworks/BANT', { ...reworded, id: 'BANT2' });
    expect(renamed.body.errors[0].field).toBe('id');

    const q = await sdr.call('PUT', `/leads/${leadId}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes' },
    });
    expect(q.body.points).toBe(20);
  });

  it('audits every change to a framework', async () => {
    const audit = await t.admin('GET', '/audit?entityType=framework');
    expect(audit.body.items.map((e: any) => [e.action, e.entityId, e.actorId])).toEqual([
      ['framework.created', 'MEET', sdrLead.id],
      ['framework.changed', 'MEET', sdrLead.id],
      ['framework.changed', 'BANT', sdrLead.id],
    ]);
    expect(audit.body.items[2].from.criteria[0].points).toBe(10);
    expect(audit.body.items[2].to.criteria[0].points).toBe(20);
  });
});
