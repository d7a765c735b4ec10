package cn.studyflow.common;

/**
 * The business object a process instance is about, written as its business key {@code TYPE:id},
 * e.g. {@code PLAN:12}.
 */
public record SubjectRef(String type, long id) {

    public static SubjectRef parse(String businessKey) {
        int colon = businessKey == null ? -1 : businessKey.indexOf(':');
        if (colon <= 0) {
            throw BusinessException.notFound();
        }
        try {
            return new SubjectRef(businessKey.substring(0, colon), Long.parseLong(businessKey.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw BusinessException.notFound();
        }
    }

    public String businessKey() {
        return type + ":" + id;
    }
}
