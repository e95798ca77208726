/**
 * The demo team (SPEC §1): one or more users of every role, in the teams a Chinese B2B company
 * would have. All share one password so a newcomer can sign in as anyone.
 */
import type { Role } from '../domain/roles.js';
import type { Area } from './people.js';

export const demoPassword = 'LeadLoop-demo-2026';
export const demoMailDomain = 'demo.leadloop.cn';

export interface DemoUser {
  name: string;
  email: string;
  role: Exclude<Role, 'admin'>;
  team: string | null;
  /** Areas an SDR cold-calls (outbound leads in these areas are captured as this SDR). */
  areas?: readonly Area[];
}

const at = (local: string) => `${local}@${demoMailDomain}`;

export const demoUsers: readonly DemoUser[] = [
  { name: '陈思远', email: at('siyuan.chen'), role: 'sdr', team: '华东SDR组', areas: ['华东', '华北', '华中'] },
  { name: '林晓彤', email: at('xiaotong.lin'), role: 'sdr', team: '华东SDR组', areas: ['华东', '华北', '西部'] },
  { name: '黄嘉欣', email: at('jiaxin.huang'), role: 'sdr', team: '华南SDR组', areas: ['华南'] },
  { name: '吴俊杰', email: at('junjie.wu'), role: 'sdr', team: '华南SDR组', areas: ['华南', '西部'] },
  {
    name: '周雨桐',
    email: at('yutong.zhou'),
    role: 'sdr_lead',
    team: '华东SDR组',
    areas: ['华东', '华南', '华北', '华中', '西部'],
  },
  { name: '徐建国', email: at('jianguo.xu'), role: 'sales_manager', team: '华东销售' },
  { name: '王浩然', email: at('haoran.wang'), role: 'sales', team: '华东销售' },
  { name: '李静怡', email: at('jingyi.li'), role: 'sales', team: '华东销售' },
  { name: '郑伟明', email: at('weiming.zheng'), role: 'sales_manager', team: '华南销售' },
  { name: '梁志豪', email: at('zhihao.liang'), role: 'sales', team: '华南销售' },
  { name: '何婉婷', email: at('wanting.he'), role: 'sales', team: '华南销售' },
  { name: '马丽娟', email: at('lijuan.ma'), role: 'sales_manager', team: '华北销售' },
  { name: '赵子轩', email: at('zixuan.zhao'), role: 'sales', team: '华北销售' },
  { name: '孙悦', email: at('yue.sun'), role: 'sales', team: '华北销售' },
  { name: '胡晓敏', email: at('xiaomin.hu'), role: 'sales_ops', team: null },
  { name: '高雅琪', email: at('yaqi.gao'), role: 'sales_assistant', team: null },
  { name: '刘畅', email: at('chang.liu'), role: 'marketing', team: null },
];

/** Who captures inbound leads (forms, chat, events, lists): the marketing user. */
export const marketingEmail = at('chang.liu');

/** The SDRs who make outbound calls, the team lead only now and then. */
export const outboundCallers = demoUsers.filter((u) => u.role === 'sdr');
export const sdrLead = demoUsers.find((u) => u.role === 'sdr_lead') as DemoUser;
