// Everything the doctor's page says, in Chinese (the default) and English.

const shared = {
  zh: {
    'signIn.heading': '登录', 'signIn.login': '用户名', 'signIn.password': '密码', 'signIn.submit': '登录', 'nav.signOut': '退出',
    'problem.network': '网络连接失败，请重试。', 'problem.invalid_credentials': '用户名或密码错误。',
    'problem.validation_failed': '请检查填写的内容：{0}', 'problem.forbidden': '无权操作。', 'problem.unauthenticated': '请重新登录。',
    'session.morning': '上午', 'session.afternoon': '下午', 'session.evening': '晚上',
    'status.booked': '已预约', 'status.pending_payment': '待支付', 'status.checked_in': '已签到', 'status.in_consultation': '就诊中',
    'status.completed': '已完成', 'status.cancelled': '已取消', 'status.no_show': '爽约',
  },
  en: {
    'signIn.heading': 'Sign in', 'signIn.login': 'User name', 'signIn.password': 'Password', 'signIn.submit': 'Sign in', 'nav.signOut': 'Sign out',
    'problem.network': 'No connection. Please try again.', 'problem.invalid_credentials': 'Wrong user name or password.',
    'problem.validation_failed': 'Please check: {0}', 'problem.forbidden': 'Not allowed.', 'problem.unauthenticated': 'Please sign in again.',
    'session.morning': 'Morning', 'session.afternoon': 'Afternoon', 'session.evening': 'Evening',
    'status.booked': 'Booked', 'status.pending_payment': 'Awaiting payment', 'status.checked_in': 'Checked in', 'status.in_consultation': 'In consultation',
    'status.completed': 'Completed', 'status.cancelled': 'Cancelled', 'status.no_show': 'No-show',
  },
};

export const staffText = shared;

export const doctorText = {
  zh: {
    ...shared.zh,
    title: '医生工作台',
    'day.heading': '{0} 的门诊',
    'day.none': '今天没有出诊。',
    'day.refresh': '刷新',
    'session.heading': '{0} {1} 起',
    'session.counts': '已预约 {0} · 候诊 {1} · 就诊中 {2} · 已完成 {3} · 爽约 {4}',
    'col.number': '序号', 'col.patient': '患者', 'col.status': '状态', 'col.time': '预计时间', 'col.actions': '操作',
    'action.checkIn': '签到', 'action.callNext': '叫下一位', 'action.complete': '完成', 'action.noShow': '爽约',
    'called': '请 {0} 号 {1} 就诊',
    'stop.heading': '申请停诊', 'stop.reason': '停诊原因（会告知患者）', 'stop.submit': '提交停诊申请', 'stop.sent': '停诊申请已提交，等待医院处理。',
    'problem.nobody_waiting': '没有已签到的患者。', 'problem.invalid_transition': '该患者当前状态不能这样操作。',
    'problem.pool_cancelled': '本场已停诊。',
  },
  en: {
    ...shared.en,
    title: "Doctor's desk",
    'day.heading': 'Clinic of {0}',
    'day.none': 'No sessions today.',
    'day.refresh': 'Refresh',
    'session.heading': '{0} from {1}',
    'session.counts': 'Booked {0} · waiting {1} · in consultation {2} · completed {3} · no-shows {4}',
    'col.number': 'No.', 'col.patient': 'Patient', 'col.status': 'Status', 'col.time': 'Expected', 'col.actions': 'Actions',
    'action.checkIn': 'Check in', 'action.callNext': 'Call next', 'action.complete': 'Complete', 'action.noShow': 'No-show',
    'called': 'Number {0}, {1}, please come in',
    'stop.heading': 'Ask to stop this clinic', 'stop.reason': 'Reason (the patients are told)', 'stop.submit': 'Send stop-clinic request',
    'stop.sent': 'Stop-clinic request sent; the hospital will act on it.',
    'problem.nobody_waiting': 'Nobody has checked in.', 'problem.invalid_transition': 'Not possible in the patient\'s current status.',
    'problem.pool_cancelled': 'This clinic is stopped.',
  },
};
