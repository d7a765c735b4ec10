/** Study sessions (学习会): scheduled from approved plans; later steps such as materials hang on them. */
package cn.studyflow.session;
