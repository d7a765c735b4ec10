/** The administrators' BPMN modeler: versions, safe validation, deployment, comparison, roll-back and migration. */
package cn.studyflow.modeler;
