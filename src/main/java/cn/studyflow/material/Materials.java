package cn.studyflow.material;

import cn.studyflow.task.SubjectRef;

/** How every material use case names a material: its subject reference and its page. */
final class Materials {

    private Materials() {
    }

    static SubjectRef ref(Material m) {
        return new SubjectRef(MaterialReviewProcess.SUBJECT_TYPE, m.getId());
    }

    static String link(Material m) {
        return "/materials/" + m.getId();
    }
}
