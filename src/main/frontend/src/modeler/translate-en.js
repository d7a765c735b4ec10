// English labels where bpmn-js's own are not what StudyFlow shows: the properties panel's header names element
// types in the palette's sentence case ("User task", not "USER TASK"). Everything else passes through.
import { headerEn } from './header-labels.js';

function translate(template, replacements) {
  const values = replacements || {};
  const text = headerEn(template) || template;
  return text.replace(/{([^}]+)}/g, (match, key) => (key in values ? values[key] : match));
}

export default {
  translate: ['value', translate]
};
