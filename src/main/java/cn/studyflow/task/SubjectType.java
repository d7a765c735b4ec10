package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;

/**
 * What a feature declares once about the business objects its processes are about: the type part of the
 * business key ({@code PLAN}), the path of their pages ({@code /plans}) and the Thymeleaf fragment that shows
 * one on a task page and on the status page of its instance. Links to an object are made here and nowhere else.
 */
public record SubjectType(String type, String path, String fragment) {

    /** The page of one object, e.g. {@code /plans/12}. */
    public String link(long id) {
        return path + "/" + id;
    }

    public SubjectRef ref(long id) {
        return new SubjectRef(type, id);
    }
}
