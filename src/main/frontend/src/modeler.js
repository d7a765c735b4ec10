// The administrators' BPMN modeler page (/modeler/processes/{key}/edit), served as /vendor/modeler.js.
//
// Everything the page needs comes from data- attributes of #modeler (URLs, CSRF header and token, labels
// from the message bundles) or is fetched as JSON: no inline script, so it runs under the strict CSP.
//   GET  data-xml-url        -> { xml, version, latestVersion }
//   GET  data-delegates-url  -> [ { beanName, description } ]
//   POST data-validate-url   { xml }                                  -> { valid, problems: [...] }
//   POST data-deploy-url     { xml, comment, expectedLatestVersion }  -> { version, url } | 400 { problems } | 409

import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import translateZh from './modeler/translate-zh.js';
import translateEn from './modeler/translate-en.js';
import paletteTitles from './modeler/palette-titles.js';
import dropOnFlowLabel from './modeler/flow-label-drop.js';
import padWhileEditing from './modeler/pad-while-editing.js';
import StudyFlowPropertiesProvider from './modeler/properties.js';
import { is } from 'bpmn-js/lib/util/ModelUtil';

const root = document.getElementById('modeler');

function data(name) {
  return root.getAttribute('data-' + name);
}

function msg(name) {
  return data('msg-' + name) || name;
}

const state = {
  modeler: null,
  dirty: false,
  deploying: false,
  problemMarkers: []
};

function status(text, kind) {
  const el = document.getElementById('modeler-status');
  el.textContent = text || '';
  el.className = 'modeler-status' + (kind ? ' ' + kind : '');
}

async function request(url, options) {
  const headers = { Accept: 'application/json' };
  if (options && options.body) {
    headers['Content-Type'] = 'application/json';
    headers[data('csrf-header')] = data('csrf-token');
  }
  const response = await fetch(url, Object.assign({ credentials: 'same-origin', headers }, options || {}));
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { ok: response.ok, status: response.status, body };
}

function clearProblems() {
  const canvas = state.modeler.get('canvas');
  const overlays = state.modeler.get('overlays');
  state.problemMarkers.forEach(([id, cls]) => canvas.removeMarker(id, cls));
  state.problemMarkers = [];
  overlays.remove({ type: 'sf-problem' });
  document.getElementById('problem-list').replaceChildren();
  document.getElementById('problems').hidden = true;
}

function showProblems(problems) {
  clearProblems();
  if (!problems || !problems.length) {
    return;
  }
  const registry = state.modeler.get('elementRegistry');
  const canvas = state.modeler.get('canvas');
  const overlays = state.modeler.get('overlays');
  const list = document.getElementById('problem-list');
  const counts = {};

  problems.forEach((p) => {
    const error = p.severity === 'ERROR';
    const element = p.elementId ? registry.get(p.elementId) : null;
    const item = document.createElement('li');
    item.className = error ? 'problem-error' : 'problem-warning';
    item.setAttribute('data-element', p.elementId || '');
    const tag = document.createElement('strong');
    tag.textContent = (error ? msg('error') : msg('warning')) + ' ';
    const where = document.createElement(element ? 'a' : 'span');
    where.className = 'problem-element';
    where.textContent = p.elementId ? p.elementId : msg('whole-file');
    if (element) {
      where.href = '#';
      where.addEventListener('click', (event) => {
        event.preventDefault();
        state.modeler.get('selection').select(element);
        canvas.scrollToElement(element);
      });
    }
    const text = document.createElement('span');
    text.textContent = msg('colon') + p.message;
    item.append(tag, where, text);
    list.append(item);

    if (element) {
      const cls = error ? 'sf-problem-error' : 'sf-problem-warning';
      canvas.addMarker(element, cls);
      state.problemMarkers.push([element.id, cls]);
      counts[element.id] = counts[element.id] || { n: 0, error: false };
      counts[element.id].n += 1;
      counts[element.id].error = counts[element.id].error || error;
    }
  });

  Object.keys(counts).forEach((id) => {
    const badge = document.createElement('div');
    badge.className = 'sf-problem-badge' + (counts[id].error ? '' : ' warning');
    badge.textContent = String(counts[id].n);
    overlays.add(id, 'sf-problem', { position: { top: -10, left: -10 }, html: badge });
  });
  document.getElementById('problems').hidden = false;
}

async function currentXml() {
  const { xml } = await state.modeler.saveXML({ format: true });
  return xml;
}

async function validate() {
  status(msg('validating'));
  try {
    const result = await request(data('validate-url'), {
      method: 'POST',
      body: JSON.stringify({ xml: await currentXml() })
    });
    if (!result.ok || !result.body) {
      status((result.body && result.body.message) || msg('failed'), 'error');
      return;
    }
    showProblems(result.body.problems);
    if (!result.body.valid) {
      status(msg('invalid'), 'error');
    } else if (result.body.problems.length) {
      status(msg('warnings'), 'warning');
    } else {
      status(msg('valid'), 'ok');
    }
  } catch (e) {
    status(msg('failed'), 'error');
  }
}

async function deploy(event) {
  event.preventDefault();
  const comment = document.getElementById('deploy-comment').value.trim();
  if (!comment) {
    status(msg('comment-required'), 'error');
    document.getElementById('deploy-comment').focus();
    return;
  }
  const tag = document.getElementById('deploy-version-tag').value.trim();
  if (!tag) {
    status(msg('version-tag-required'), 'error');
    document.getElementById('deploy-version-tag').focus();
    return;
  }
  setVersionTag(tag);
  status(msg('deploying'));
  state.deploying = true;
  try {
    const result = await request(data('deploy-url'), {
      method: 'POST',
      body: JSON.stringify({
        xml: await currentXml(),
        comment,
        expectedLatestVersion: Number(data('latest-version'))
      })
    });
    if (result.ok && result.body && result.body.url) {
      state.dirty = false;
      window.location.assign(result.body.url);
      return;
    }
    state.deploying = false;
    if (result.body && result.body.problems) {
      showProblems(result.body.problems);
    }
    status((result.body && result.body.message) || msg('failed'), 'error');
  } catch (e) {
    state.deploying = false;
    status(msg('failed'), 'error');
  }
}

/** The processes of the diagram: the root itself, or the processes of a collaboration's pools. */
function processes() {
  const root = state.modeler.get('canvas').getRootElement();
  if (is(root, 'bpmn:Process')) {
    return [[root, root.businessObject]];
  }
  return state.modeler.get('elementRegistry').filter((e) => is(e, 'bpmn:Participant') && e.businessObject.processRef)
    .map((e) => [e, e.businessObject.processRef]);
}

function versionTag() {
  const found = processes().map(([, process]) => process.get('camunda:versionTag')).filter(Boolean);
  return found.length ? found[0] : '';
}

/** Writes the chosen tag into the diagram as a modelling step, so that it can be undone like any other. */
function setVersionTag(tag) {
  const modeling = state.modeler.get('modeling');
  processes().forEach(([element, process]) => {
    if (process.get('camunda:versionTag') !== tag) {
      modeling.updateModdleProperties(element, process, { 'camunda:versionTag': tag });
    }
  });
}

/**
 * Proposes the next version's tag (the server's first proposal) unless the diagram already carries a tag of its
 * own, other than the latest deployed version's.
 */
function proposeVersionTag() {
  const input = document.getElementById('deploy-version-tag');
  const own = versionTag();
  if (own && own !== (data('latest-version-tag') || '')) {
    input.value = own;
  } else if (!input.value) {
    input.value = input.defaultValue;
  }
}

function download(content, type, name) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Fits the diagram with a margin, so that the palette does not cover its left edge. */
function fit() {
  const canvas = state.modeler.get('canvas');
  canvas.zoom('fit-viewport', 'auto');
  canvas.zoom(canvas.zoom() * 0.85, 'auto');
  canvas.scroll({ dx: 40, dy: 0 });
}

function fileName(ext) {
  return data('process-key') + '-v' + data('opened-version') + (state.dirty ? '-draft' : '') + '.' + ext;
}

async function openFile(event) {
  const file = event.target.files && event.target.files[0];
  event.target.value = '';
  if (!file) {
    return;
  }
  try {
    await state.modeler.importXML(await file.text());
    fit();
    state.dirty = true;
    clearProblems();
    status('');
  } catch (e) {
    status(msg('file-failed'), 'error');
  }
}

async function init() {
  status(msg('loading'));
  const [diagram, delegates] = await Promise.all([
    request(data('xml-url')),
    request(data('delegates-url'))
  ]);
  if (!diagram.ok || !diagram.body || !diagram.body.xml) {
    status(msg('load-failed'), 'error');
    return;
  }
  const english = (document.documentElement.lang || '').toLowerCase().startsWith('en');
  const modules = [
    BpmnPropertiesPanelModule,
    BpmnPropertiesProviderModule,
    CamundaPlatformPropertiesProviderModule,
    CamundaBehaviorsModule,
    paletteTitles,
    dropOnFlowLabel,
    padWhileEditing,
    english ? translateEn : translateZh,
    { __init__: ['studyflowPropertiesProvider'], studyflowPropertiesProvider: ['type', StudyFlowPropertiesProvider] }
  ];
  state.modeler = new BpmnModeler({
    container: '#canvas',
    propertiesPanel: { parent: '#properties' },
    additionalModules: modules,
    moddleExtensions: { camunda: camundaModdle },
    studyflow: {
      delegates: delegates.ok && Array.isArray(delegates.body) ? delegates.body : [],
      labels: {
        group: msg('delegate-group'),
        delegate: msg('delegate-label'),
        choose: msg('choose-delegate'),
        unregistered: msg('unregistered'),
        paren: msg('paren')
      }
    }
  });
  try {
    await state.modeler.importXML(diagram.body.xml);
  } catch (e) {
    status(msg('load-failed'), 'error');
    return;
  }
  fit();
  state.modeler.on('commandStack.changed', () => {
    state.dirty = true;
  });

  document.getElementById('validate').addEventListener('click', validate);
  document.getElementById('deploy-open').addEventListener('click', () => {
    proposeVersionTag();
    document.getElementById('deploy-form').hidden = false;
    document.getElementById('deploy-comment').focus();
  });
  document.getElementById('deploy-cancel').addEventListener('click', () => {
    document.getElementById('deploy-form').hidden = true;
  });
  document.getElementById('deploy-form').addEventListener('submit', deploy);
  document.getElementById('download-xml').addEventListener('click', async () => {
    download(await currentXml(), 'application/xml', fileName('bpmn'));
  });
  document.getElementById('download-svg').addEventListener('click', async () => {
    const { svg } = await state.modeler.saveSVG();
    download(svg, 'image/svg+xml', fileName('svg'));
  });
  document.getElementById('open-file').addEventListener('change', openFile);
  window.addEventListener('beforeunload', (event) => {
    if (state.dirty && !state.deploying) {
      event.preventDefault();
      event.returnValue = msg('unsaved');
    }
  });
  root.setAttribute('data-ready', 'true');
  status('');
}

if (root) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}
