import { describe, expect, it } from 'vitest';
import type { CleaningLead } from './cleaning-lead.js';
import { checkEmail, checkName, checkPhone, checkSpam, detectJunk, isKeyboardMash } from './detect-junk.js';

const lead = (over: Partial<CleaningLead>): CleaningLead => ({
  name: '王伟',
  phone: '+8613912345601',
  email: null,
  company: '上海云杉软件有限公司',
  title: null,
  region: null,
  regionCode: null,
  industry: null,
  employees: null,
  channel: 'sem',
  fields: {},
  ...over,
});

describe('junk detection: names', () => {
  it.each([
    '测试',
    '测试一下',
    ' 测试 ',
    'test',
    'Test',
    'TEST',
    'ｔｅｓｔ',
    'asdf',
    'qwer',
    'aaa',
    'xxx',
    '123',
    '无',
    '某某',
    'n/a',
    '...',
    'test123',
    '测试123',
    'a',
  ])('finds the test name %j', (name) => {
    const [finding] = checkName(name);
    expect(finding).toMatchObject({ reason: 'test_data', field: 'name' });
    expect(finding.message.en).toContain(name);
  });

  it.each(['张三测试', '测试-王', 'Test User', 'asdf Wang', 'Zhang TESTING'])('finds the test word in %j', (name) => {
    expect(checkName(name)[0]).toMatchObject({ check: 'test_name', reason: 'test_data' });
  });

  it.each(['sdfghj', 'poiuy', 'hjkl', 'zxcvbn', 'bcdfgh', 'aaab', '哈哈哈', '啊啊啊啊'])(
    'finds keyboard mash in %j',
    (name) => {
      expect(checkName(name)[0]).toMatchObject({ check: 'keyboard_mash', reason: 'test_data' });
    },
  );

  it.each([
    '王测',
    '王 测',
    '李测绘',
    '张三',
    '王丽丽',
    '欧阳娜娜',
    'Li Lei',
    'Aaron Zhang',
    'Ng Wing',
    'Yui Tanaka',
    'Chris Lv',
    'Celeste Testa',
    'Schmidt',
    '阿卜杜·热合曼',
    '王先生',
  ])('leaves the real name %j alone', (name) => {
    expect(checkName(name)).toEqual([]);
  });

  it('reads keyboard rows both ways and needs four letters', () => {
    expect(isKeyboardMash('wert')).toBe(true);
    expect(isKeyboardMash('trew')).toBe(true);
    expect(isKeyboardMash('yui')).toBe(false);
    expect(isKeyboardMash('zhang')).toBe(false);
  });
});

describe('junk detection: phones', () => {
  it.each([
    ['+8613333333333', 'eight equal digits'],
    ['+861111111111', 'one digit repeated'],
    ['+8613900000000', 'eight equal digits'],
    ['+8613800138000', 'well-known fake'],
    ['+8613812345678', 'run 12345678'],
    ['+8615987654321', 'run 87654321'],
    ['12345678901', 'not a valid number'],
    ['11111111111', 'not a valid number'],
    ['abc', 'not a valid number'],
  ])('finds %s (%s)', (phone, why) => {
    const [finding] = checkPhone(phone);
    expect(finding).toMatchObject({ check: 'fake_phone', reason: 'invalid_phone', field: 'phone' });
    expect(finding.message.en).toContain(why);
  });

  it.each([
    '+8613912345601',
    '+8613812340001',
    '+8618601234599',
    '+862188888888',
    '+864008888888',
    '+14155550100',
    '13911112222',
  ])('leaves %s alone (landline vanity numbers and 400 lines are real)', (phone) => {
    expect(checkPhone(phone)).toEqual([]);
  });
});

describe('junk detection: e-mail', () => {
  it.each([
    ['test@test.com', 'fake_email', 'test_data'],
    ['a@a.com', 'fake_email', 'test_data'],
    ['someone@example.com', 'fake_email', 'test_data'],
    ['bob@acme.example', 'fake_email', 'test_data'],
    ['test@qq.com', 'fake_email', 'test_data'],
    ['noreply@corp.cn', 'fake_email', 'test_data'],
    ['x@mailinator.com', 'disposable_email', 'spam'],
    ['abc@linshiyouxiang.net', 'disposable_email', 'spam'],
    ['not an email', 'fake_email', 'test_data'],
  ])('finds %s', (email, check, reason) => {
    expect(checkEmail(email)[0]).toMatchObject({ check, reason, field: 'email' });
  });

  it.each(['zhang.wei@yunshan.cn', '12345678@qq.com', 'a@corp.cn', 'test.team@bigcorp.com', 'li@163.com'])(
    'leaves %s alone',
    (email) => {
      expect(checkEmail(email)).toEqual([]);
    },
  );
});

describe('junk detection: spam', () => {
  it('finds spam phrases in any text, web addresses and adverts where a name should be', () => {
    expect(checkSpam(lead({ fields: { 留言: '专业代开发票，联系我' } }))[0]).toMatchObject({
      reason: 'spam',
      field: 'fields.留言',
    });
    expect(checkSpam(lead({ name: 'www.haowan.vip' }))[0]).toMatchObject({ reason: 'spam', field: 'name' });
    expect(checkSpam(lead({ name: '加微信 abc123' }))[0]).toMatchObject({ reason: 'spam', field: 'name' });
    expect(checkSpam(lead({ company: '澳门博彩娱乐' }))[0]).toMatchObject({ reason: 'spam', field: 'company' });
  });

  it('does not take a real request for spam', () => {
    expect(checkSpam(lead({ fields: { 留言: '能开发票吗？方便请加微信联系' } }))).toEqual([]);
    expect(checkSpam(lead({ fields: { 需求: '我们需要防刷单和反赌博的风控方案' } }))).toEqual([]);
    expect(checkSpam(lead({ company: '杭州小额贷款股份有限公司', title: '风控经理' }))).toEqual([]);
  });
});

describe('junk detection: the verdict', () => {
  it('disqualifies a test name whatever the contact details', () => {
    const v = detectJunk(lead({ name: '测试' }));
    expect(v.disqualify?.reason).toBe('test_data');
    expect(v.disqualify?.findings.map((f) => f.field)).toEqual(['name']);
  });

  it('disqualifies a fake phone that is the only way to reach the lead', () => {
    expect(detectJunk(lead({ phone: '+8613333333333' })).disqualify?.reason).toBe('invalid_phone');
    expect(detectJunk(lead({ phone: '+8613333333333', email: 'test@test.com' })).disqualify?.reason).toBe('test_data');
  });

  it('only flags a fake phone when a good e-mail is there, and the reverse', () => {
    const fakePhone = detectJunk(lead({ phone: '+8613800138000', email: 'wang.wei@yunshan.cn' }));
    expect(fakePhone.disqualify).toBeNull();
    expect(fakePhone.flags).toEqual(['JUNK:fake_phone']);
    const fakeMail = detectJunk(lead({ email: 'x@mailinator.com' }));
    expect(fakeMail.disqualify).toBeNull();
    expect(fakeMail.flags).toEqual(['JUNK:disposable_email']);
  });

  it('puts spam before a test entry, and a test entry before a bad number', () => {
    expect(
      detectJunk(lead({ name: 'test', phone: '+8613333333333', fields: { m: '时时彩' } })).disqualify?.reason,
    ).toBe('spam');
    expect(detectJunk(lead({ name: 'asdf', phone: '+8613333333333' })).disqualify?.reason).toBe('test_data');
  });

  it('disqualifies a test company but not a company whose name holds 测试', () => {
    expect(detectJunk(lead({ company: '测试有限公司' })).disqualify?.reason).toBe('test_data');
    expect(detectJunk(lead({ company: 'TEST Co., Ltd.' })).disqualify?.reason).toBe('test_data');
    expect(detectJunk(lead({ company: '测试科技有限公司' })).disqualify).toBeNull();
    expect(detectJunk(lead({ company: '华测检测认证集团' })).disqualify).toBeNull();
    expect(detectJunk(lead({ company: '无' })).disqualify).toBeNull();
  });

  it('finds nothing in a normal lead', () => {
    expect(detectJunk(lead({ name: '王测', company: '测试科技', email: 'wangce@ceshi-tech.cn' }))).toEqual({
      findings: [],
      disqualify: null,
      flags: [],
    });
  });
});
