/** 中文 (zh-CN): every string of the console. Keys must match en.ts (test/web/i18n-catalogue.test.ts). */
import { common } from './zh-CN/common.js';
import { dashboard } from './zh-CN/dashboard.js';
import { dispatch } from './zh-CN/dispatch.js';
import { handoff } from './zh-CN/handoff.js';
import { inbox } from './zh-CN/inbox.js';
import { lead } from './zh-CN/lead.js';
import { notifications } from './zh-CN/notifications.js';
import { plan } from './zh-CN/plan.js';
import { pool } from './zh-CN/pool.js';
import { queue } from './zh-CN/queue.js';
import { routingLines } from './zh-CN/routingLines.js';
import { settings } from './zh-CN/settings.js';
import { settingsChannels } from './zh-CN/settingsChannels.js';
import { settingsDefinitions } from './zh-CN/settingsDefinitions.js';
import { settingsFrameworks } from './zh-CN/settingsFrameworks.js';
import { settingsModels } from './zh-CN/settingsModels.js';
import { settingsNotifications } from './zh-CN/settingsNotifications.js';
import { settingsRouting } from './zh-CN/settingsRouting.js';
import { settingsScoring } from './zh-CN/settingsScoring.js';
import { simulate } from './zh-CN/simulate.js';
export const zhCN = {
  app: { name: 'LeadLoop' },
  language: { label: '语言', zh: '中文', en: 'English' },
  login: {
    title: '登录 LeadLoop',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    emailRequired: '请输入邮箱',
    passwordRequired: '请输入密码',
    invalid: '邮箱或密码不正确',
    throttled: '失败次数过多，请在 {{seconds}} 秒后重试',
    expired: '请登录后继续',
  },
  nav: {
    main: '主导航',
    queue: '工作台',
    pool: '公海池',
    inbox: '收件箱',
    dispatch: '派单',
    dashboard: '看板',
    plan: '产能规划',
    simulate: '模拟',
    settings: '设置',
    account: '我的账户',
  },
  shell: { signOut: '退出登录', signedInAs: '当前用户：{{name}}' },
  roles: {
    sdr: 'SDR',
    sdr_lead: 'SDR 主管',
    sales: '销售',
    sales_manager: '销售经理',
    sales_ops: '销管',
    sales_assistant: '销售助理',
    marketing: '市场',
    admin: '管理员',
  },
  errors: {
    forbiddenTitle: '没有权限',
    forbidden: '您的角色无权查看此内容。',
    notFoundTitle: '页面不存在',
    notFound: '没有这个页面。',
    generic: '出错了，请稍后重试。',
    fileRefused: '文件无法导入',
    backHome: '返回首页',
  },
  account: {
    title: '我的账户',
    changePassword: '修改密码',
    current: '当前密码',
    newPassword: '新密码',
    confirm: '确认新密码',
    submit: '修改密码',
    required: '必填',
    tooShort: '至少 8 个字符',
    mismatch: '两次输入的新密码不一致',
    wrongCurrent: '当前密码不正确',
    changed: '密码已修改',
  },
  users: {
    title: '用户',
    name: '姓名',
    email: '邮箱',
    role: '角色',
    team: '团队',
  },
  common,
  routingLines,
  queue,
  lead,
  inbox,
  handoff,
  pool,
  dispatch,
  dashboard,
  notifications,
  settings,
  settingsChannels,
  settingsNotifications,
  settingsDefinitions,
  settingsModels,
  settingsScoring,
  settingsFrameworks,
  settingsRouting,
  plan,
  simulate,
} as const;
