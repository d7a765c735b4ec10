/** Leave (请假): a person on a session's roster asks the leader for leave before the session starts (processes/leave-request.bpmn). */
package cn.studyflow.leave;
