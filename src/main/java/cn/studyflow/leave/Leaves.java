package cn.studyflow.leave;

import cn.studyflow.common.SubjectRef;

/** How every leave use case names a request: its subject reference and its page. */
final class Leaves {

    private Leaves() {
    }

    static SubjectRef ref(Leave l) {
        return LeaveRequestProcess.SUBJECT.ref(l.getId());
    }

    static String link(Leave l) {
        return LeaveRequestProcess.SUBJECT.link(l.getId());
    }
}
