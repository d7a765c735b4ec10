package cn.studyflow.makeup;

import cn.studyflow.common.SubjectRef;

/** How every make-up use case names one: its subject reference and its page. */
final class Makeups {

    private Makeups() {
    }

    static SubjectRef ref(Makeup m) {
        return MakeupStudyProcess.SUBJECT.ref(m.getId());
    }

    static String link(Makeup m) {
        return MakeupStudyProcess.SUBJECT.link(m.getId());
    }
}
