/** What an uploaded file is, judged from its content, for every feature that takes files. */
package cn.studyflow.upload;
