/** Labels shared by several screens: lead states, activity types, common actions. */
export const common = {
  status: {
    new: '新线索',
    working: '跟进中',
    nurturing: '培育中',
    mql: 'MQL',
    sql: 'SQL',
    opportunity: '商机',
    won: '赢单',
    lost: '输单',
    disqualified: '无效',
  },
  activity: { call: '电话', email: '邮件', wechat: '微信', meeting: '会议', note: '备注' },
  actions: {
    save: '保存',
    cancel: '取消',
    confirm: '确定',
    refresh: '刷新',
    exportCsv: '导出 CSV',
    filter: '筛选',
    reset: '重置',
    more: '加载更多',
  },
  empty: '暂无数据',
  none: '—',
  saved: '已保存',
  failed: '操作失败',
} as const;
