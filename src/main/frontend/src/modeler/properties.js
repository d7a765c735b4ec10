// Narrows the Camunda 7 properties panel to what StudyFlow uses, and replaces the service task
// "Implementation" group with a select of StudyFlow's registered delegates.
//
// Kept: general (id, name, version tag), documentation, history cleanup, user assignment (assignee,
// candidate groups, due date, priority), forms, timers, conditions. Everything else (scripts, listeners,
// connectors, input/output, external tasks…) is hidden here and refused by the server's validator anyway.

import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { Group } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { jsx } from '@bpmn-io/properties-panel/preact/jsx-runtime';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

const KEPT_GROUPS = [
  'general',
  'documentation',
  'CamundaPlatform__HistoryCleanup',
  'CamundaPlatform__UserAssignment',
  'CamundaPlatform__Form',
  'timer',
  'CamundaPlatform__Condition'
];

const HIDDEN_ENTRIES = ['candidateUsers', 'followUpDate', 'isExecutable'];

const SERVICE_LIKE = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

const DELEGATE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

const LOW_PRIORITY = 100;

function isServiceLike(element) {
  return SERVICE_LIKE.some((type) => is(element, type));
}

function delegateName(element) {
  const value = getBusinessObject(element).get('camunda:delegateExpression');
  const match = value && DELEGATE.exec(value.trim());
  return match ? match[1] : (value || '');
}

/** "description（bean）" in Chinese, "description (bean)" in English: the page's pattern. */
function paren(labels, text, detail) {
  const pattern = labels.paren || '{0} ({1})';
  return pattern.replace('{0}', () => text).replace('{1}', () => detail);
}

function DelegateSelect(props) {
  const { element, id, delegates, labels } = props;
  const modeling = useService('modeling');

  const getValue = () => delegateName(element);

  const setValue = (value) => {
    modeling.updateProperties(element, {
      'camunda:delegateExpression': value ? '${' + value + '}' : undefined,
      'camunda:class': undefined,
      'camunda:expression': undefined,
      'camunda:resultVariable': undefined,
      'camunda:type': undefined,
      'camunda:topic': undefined
    });
  };

  const getOptions = () => {
    const options = [{ value: '', label: labels.choose }];
    delegates.forEach((d) => options.push({ value: d.beanName, label: paren(labels, d.description, d.beanName) }));
    const current = getValue();
    if (current && !delegates.some((d) => d.beanName === current)) {
      options.push({ value: current, label: current + ' ' + labels.unregistered });
    }
    return options;
  };

  return jsx(SelectEntry, {
    element,
    id,
    label: labels.delegate,
    getValue,
    setValue,
    getOptions
  });
}

export default function StudyFlowPropertiesProvider(propertiesPanel, config) {
  const studyflow = config || {};
  const delegates = studyflow.delegates || [];
  const labels = studyflow.labels || {};

  this.getGroups = function(element) {
    return function(groups) {
      const kept = groups
        .filter((group) => KEPT_GROUPS.indexOf(group.id) >= 0)
        .map((group) => Object.assign({}, group, {
          entries: (group.entries || []).filter((entry) => HIDDEN_ENTRIES.indexOf(entry.id) < 0)
        }));

      if (isServiceLike(element)) {
        const delegateGroup = {
          id: 'StudyFlow__Delegate',
          label: labels.group,
          component: Group,
          entries: [{
            id: 'studyflowDelegate',
            component: DelegateSelect,
            isEdited: isSelectEntryEdited,
            delegates,
            labels
          }]
        };
        const after = kept.findIndex((group) => group.id === 'documentation');
        kept.splice(after >= 0 ? after + 1 : kept.length, 0, delegateGroup);
      }
      return kept;
    };
  };

  propertiesPanel.registerProvider(LOW_PRIORITY, this);
}

StudyFlowPropertiesProvider.$inject = ['propertiesPanel', 'config.studyflow'];
