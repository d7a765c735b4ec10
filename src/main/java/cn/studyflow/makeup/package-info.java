/** Make-up study (补学): whoever was on leave or absent at a held session makes it up and the secretary checks it (processes/makeup-study.bpmn). */
package cn.studyflow.makeup;
