// The properties panel's header names the selected element's type as its concrete type split into words
// ("User Task", "Timer Boundary Event (Non Interrupting)") and asks `translate` for it. These turn such a label
// into Chinese or into English sentence case, like the palette's and the replace menu's names ("User task").

const SIMPLE_ZH = {
  'Process': '流程',
  'Collaboration': '协作',
  'Participant': '参与者（泳池）',
  'Lane': '泳道',
  'Task': '任务',
  'User Task': '用户任务',
  'Service Task': '服务任务',
  'Send Task': '发送任务',
  'Receive Task': '接收任务',
  'Manual Task': '手工任务',
  'Business Rule Task': '业务规则任务',
  'Script Task': '脚本任务',
  'Call Activity': '调用活动',
  'Collapsed Sub Process': '子流程（折叠）',
  'Expanded Sub Process': '子流程（展开）',
  'Collapsed Ad Hoc Sub Process': '自由子流程（折叠）',
  'Expanded Ad Hoc Sub Process': '自由子流程（展开）',
  'Event Sub Process': '事件子流程',
  'Transaction': '事务',
  'Gateway': '网关',
  'Exclusive Gateway': '排他网关',
  'Parallel Gateway': '并行网关',
  'Inclusive Gateway': '包容网关',
  'Complex Gateway': '复杂网关',
  'Event Based Gateway': '事件网关',
  'Sequence Flow': '顺序流',
  'Default Flow': '默认流',
  'Conditional Flow': '条件流',
  'Message Flow': '消息流',
  'Association': '关联',
  'Data Input Association': '数据输入关联',
  'Data Output Association': '数据输出关联',
  'Data Object Reference': '数据对象',
  'Data Store Reference': '数据存储',
  'Data Input': '数据输入',
  'Data Output': '数据输出',
  'Group': '分组',
  'Text Annotation': '文字注释'
};

const EVENT_ZH = {
  'Start Event': '开始事件',
  'End Event': '结束事件',
  'Intermediate Catch Event': '中间捕获事件',
  'Intermediate Throw Event': '中间抛出事件',
  'Boundary Event': '边界事件'
};

const KIND_ZH = {
  'Timer': '定时',
  'Message': '消息',
  'Signal': '信号',
  'Error': '错误',
  'Escalation': '升级',
  'Conditional': '条件',
  'Compensate': '补偿',
  'Cancel': '取消',
  'Link': '链接',
  'Multiple': '多重',
  'Parallel Multiple': '并行多重',
  'Terminate': '终止'
};

const EVENT = new RegExp('^(?:(' + Object.keys(KIND_ZH).join('|') + ') )?(' + Object.keys(EVENT_ZH).join('|')
  + ')( \\(Non Interrupting\\))?$');

/** The Chinese for a header type label, or null if the text is not one. */
export function headerZh(text) {
  if (Object.prototype.hasOwnProperty.call(SIMPLE_ZH, text)) {
    return SIMPLE_ZH[text];
  }
  const match = EVENT.exec(text);
  if (!match) {
    return null;
  }
  return (match[1] ? KIND_ZH[match[1]] : '') + EVENT_ZH[match[2]] + (match[3] ? '（非中断）' : '');
}

/** The English sentence case of a header type label ("User task"), or null if the text is not one. */
export function headerEn(text) {
  if (!Object.prototype.hasOwnProperty.call(SIMPLE_ZH, text) && !EVENT.test(text)) {
    return null;
  }
  const sentence = text.replace(' (Non Interrupting)', ' (non-interrupting)')
    .replace('Sub Process', 'Sub-process').replace('Ad Hoc', 'Ad-hoc');
  return sentence.charAt(0) + sentence.slice(1).replace(/\b[A-Z][a-z]/g, (w) => w.toLowerCase());
}
