/**
 * Word lists of junk detection, kept in one place so they can be read and argued about.
 * Matching is exact on a folded form (width, case, spaces and punctuation removed) unless
 * a list says otherwise — "测试" is junk as a whole name, 测试科技 as a company is not.
 */

/** Whole names (or whole company names) people type when they test a form or refuse to answer. */
export const testNames: ReadonlySet<string> = new Set([
  '测试',
  '测试一下',
  '测试用户',
  '测试账号',
  '测试数据',
  '测试人员',
  '测试测试',
  '试试',
  '试一下',
  '测一下',
  'test',
  'tests',
  'testing',
  'tester',
  'testuser',
  'test123',
  'test1',
  'test2',
  'asdf',
  'asdfg',
  'asdfgh',
  'qwer',
  'qwert',
  'qwerty',
  'zxcv',
  'zxcvb',
  'aaa',
  'aaaa',
  'abc',
  'abcd',
  'abcde',
  'abcdef',
  'xxx',
  'xx',
  'x',
  'a',
  'aa',
  '无',
  '没有',
  '暂无',
  '不知道',
  '不详',
  '匿名',
  '某某',
  '某某某',
  '哈哈',
  '呵呵',
  '嘿嘿',
  '啊啊',
  '嗯嗯',
  'none',
  'null',
  'nil',
  'na',
  'n/a',
  'unknown',
  'nobody',
  'noname',
  'anonymous',
]);

/** Whole company names that mean "a test": narrower than names (无 = an individual, not a test). */
export const testCompanies: ReadonlySet<string> = new Set([
  '测试',
  '测试一下',
  '测试测试',
  'test',
  'testing',
  'asdf',
  'qwer',
  'qwerty',
  'xxx',
  '123',
  '1234',
  '123456',
]);

/** Latin words that mark a name as a test wherever they stand ("Test User", "asdf Wang"). */
export const testTokens: ReadonlySet<string> = new Set([
  'test',
  'testing',
  'tester',
  'asdf',
  'qwer',
  'qwerty',
  'zxcv',
  'xxx',
]);

/** Rows of a QWERTY keyboard: 4+ letters along one (either way) is keyboard mash ("sdfg", "poiu"). */
export const keyboardRows: readonly string[] = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Mailbox names of nobody. */
export const testMailboxes: ReadonlySet<string> = new Set([
  'test',
  'testing',
  'tester',
  'asdf',
  'qwer',
  'qwerty',
  'xxx',
  'aaa',
  '123',
  '1234',
  '123456',
  'none',
  'null',
  'noreply',
  'no-reply',
  'nobody',
  'fake',
  'spam',
]);

/** Domains nobody's mail goes to (reserved by RFC 2606 / 6761, or typed when testing). */
export const testMailDomains: ReadonlySet<string> = new Set([
  'example.com',
  'example.net',
  'example.org',
  'test.com',
  'test.cn',
  'xxx.com',
  'asdf.com',
  'aaa.com',
  '123.com',
  '111.com',
]);
export const reservedTopLevelDomains: ReadonlySet<string> = new Set(['example', 'test', 'invalid', 'localhost']);

/** Disposable-mailbox services (a small list of the common ones, Chinese ones included). */
export const disposableMailDomains: ReadonlySet<string> = new Set([
  'mailinator.com',
  'guerrillamail.com',
  'sharklasers.com',
  '10minutemail.com',
  'temp-mail.org',
  'yopmail.com',
  'trashmail.com',
  'getnada.com',
  'maildrop.cc',
  'dispostable.com',
  'snapmail.cc',
  'linshiyouxiang.net',
  'bccto.me',
  'chacuo.net',
  '027168.com',
]);

/**
 * Phrases that only spam carries, looked for anywhere in the lead's text (case-insensitive).
 * Deliberately narrow: "开发票" is a customer asking for an invoice, "贷款" a real lender,
 * "加微信" a real request in a message, and a risk-control prospect writes "防刷单" or "反赌博".
 */
export const spamPhrases: readonly string[] = [
  '代开发票',
  '发票代开',
  '六合彩',
  '时时彩',
  '百家乐',
  '裸聊',
  '约炮',
  'viagra',
];

/** Phrases that are spam where a person's or company's name should be (not in free text, see above). */
export const spamNamePhrases: readonly string[] = ['博彩', '赌博', '刷单', '套现', '色情', '代孕', 'casino', 'porn'];

/** Well-known numbers people type instead of their own (China Mobile's service line). */
export const knownFakeMobiles: ReadonlySet<string> = new Set(['13800138000', '13900139000', '13000000000']);
