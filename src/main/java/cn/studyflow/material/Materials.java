package cn.studyflow.material;

import cn.studyflow.common.SubjectRef;

/** How every material use case names a material: its subject reference and its page. */
final class Materials {

    private Materials() {
    }

    static SubjectRef ref(Material m) {
        return MaterialReviewProcess.SUBJECT.ref(m.getId());
    }

    static String link(Material m) {
        return MaterialReviewProcess.SUBJECT.link(m.getId());
    }
}
