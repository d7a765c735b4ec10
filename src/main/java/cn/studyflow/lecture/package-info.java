/** "我来讲党课": Party lecture campaigns, entries, rounds judged level by level (processes/party-lecture-selection.bpmn), results and the lecture library. */
package cn.studyflow.lecture;
