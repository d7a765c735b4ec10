package cn.studyflow.lecture;

import cn.studyflow.common.SubjectRef;

/** Links and references of the lecture feature's objects, made in one place. */
final class Lectures {

    private Lectures() {
    }

    static SubjectRef roundRef(long roundId) {
        return LectureSelectionProcess.SUBJECT.ref(roundId);
    }

    static String roundLink(long roundId) {
        return LectureSelectionProcess.SUBJECT.link(roundId);
    }

    static String campaignLink(long campaignId) {
        return "/lectures/campaigns/" + campaignId;
    }

    static String entryLink(long entryId) {
        return "/lectures/entries/" + entryId;
    }
}
