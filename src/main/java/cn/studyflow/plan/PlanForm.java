package cn.studyflow.plan;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;
import lombok.Getter;
import lombok.Setter;

/**
 * The editable part of a plan, as posted by the edit page and the JSON API. {@code version} is the plan
 * version the form was loaded from, so that a stale form is refused instead of overwriting newer work.
 */
@Getter
@Setter
public class PlanForm {

    static final int MAX_TOPICS = 60;

    private String title;
    private Integer version;
    private List<TopicForm> topics = new ArrayList<>();

    public void setTopics(List<TopicForm> topics) { this.topics = topics == null ? new ArrayList<>() : topics; }

    /** The rows that hold a topic: blank rows of the form and rows marked for removal are dropped. */
    public List<TopicForm> filledTopics() {
        return topics.stream().filter(t -> t != null && !t.isRemove() && !t.isBlank()).toList();
    }

    /**
     * Checks the form against the plan it edits; problems are reported with message keys per field. A draft
     * keeps whatever a row holds, so only what cannot be stored is refused (too long, a month that is no month);
     * at submit every row must be complete.
     */
    public void validate(Plan plan, Errors errors, Rules rules) {
        if (title == null || title.isBlank()) {
            errors.rejectValue("title", "plan.error.titleRequired");
        } else if (title.length() > 200) {
            errors.rejectValue("title", "plan.error.tooLong");
        }
        if (filledTopics().size() > MAX_TOPICS) {
            errors.reject("plan.error.tooManyTopics", new Object[] {MAX_TOPICS}, null);
        }
        for (int i = 0; i < topics.size(); i++) {
            TopicForm t = topics.get(i);
            if (t != null && !t.isRemove() && !t.isBlank()) {
                validateRow(plan, t, "topics[" + i + "].", errors, rules == Rules.SUBMIT);
            }
        }
    }

    private static void validateRow(Plan plan, TopicForm t, String row, Errors errors, boolean complete) {
        if (t.getMonth() == null) {
            if (complete) {
                errors.rejectValue(row + "month", "plan.error.month");
            }
        } else if (t.getMonth() < 1 || t.getMonth() > 12) {
            errors.rejectValue(row + "month", "plan.error.month");
        } else if (plan.getKind() == PlanKind.SUPPLEMENTARY && !t.getMonth().equals(plan.getPlanMonth())) {
            errors.rejectValue(row + "month", "plan.error.supplementaryMonth", new Object[] {plan.getPlanMonth()}, null);
        }
        if (isBlank(t.getTitle())) {
            if (complete) {
                errors.rejectValue(row + "title", "plan.error.topicTitleRequired");
            }
        } else if (t.getTitle().length() > 200) {
            errors.rejectValue(row + "title", "plan.error.tooLong");
        }
        if (t.getFormat() == null && complete) {
            errors.rejectValue(row + "format", "plan.error.format");
        }
        if (isBlank(t.getSpeaker())) {
            if (complete) {
                errors.rejectValue(row + "speaker", "plan.error.speakerRequired");
            }
        } else if (t.getSpeaker().length() > 100) {
            errors.rejectValue(row + "speaker", "plan.error.tooLong");
        }
        if (t.getParticipants() != null && t.getParticipants().length() > 200) {
            errors.rejectValue(row + "participants", "plan.error.tooLong");
        }
    }

    /**
     * The numbers (from 1, as the editor counts them) of the rows that the errors point at. A stored draft is
     * checked through a form made of its topics, so these are the numbers the secretary sees in the editor.
     */
    public static List<Integer> rowsWithErrors(Errors errors) {
        return errors.getFieldErrors().stream()
            .map(e -> e.getField())
            .filter(f -> f.startsWith("topics["))
            .map(f -> Integer.parseInt(f.substring("topics[".length(), f.indexOf(']'))) + 1)
            .distinct().sorted().toList();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Which rules apply: saving a draft stores any row; submitting wants every row complete. */
    public enum Rules { DRAFT, SUBMIT }

    public static PlanForm of(Plan plan, List<PlanTopic> topics) {
        PlanForm form = new PlanForm();
        form.setTitle(plan.getTitle());
        form.setVersion(plan.getVersion());
        for (PlanTopic t : topics) {
            TopicForm row = new TopicForm();
            row.setTopicKey(t.getTopicKey());
            row.setMonth(t.getTopicMonth());
            row.setTitle(t.getTitle());
            row.setFormat(t.getFormat());
            row.setSpeaker(t.getSpeaker());
            row.setEnlarged(t.isEnlarged());
            row.setParticipants(t.getParticipants());
            form.topics.add(row);
        }
        return form;
    }

    /** One row of the topic table. {@code topicKey} is null for a row added in this edit. */
    public static class TopicForm extends TopicContent {

        private Integer topicKey;
        private Integer month;
        private boolean remove;

        public Integer getTopicKey() { return topicKey; }
        public void setTopicKey(Integer topicKey) { this.topicKey = topicKey; }
        public Integer getMonth() { return month; }
        public void setMonth(Integer month) { this.month = month; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean remove) { this.remove = remove; }

        /** Nothing typed or chosen: the month alone is pre-filled, so it does not make a row. */
        boolean isBlank() {
            return PlanForm.isBlank(getTitle()) && PlanForm.isBlank(getSpeaker()) && getFormat() == null
                && !isEnlarged() && PlanForm.isBlank(getParticipants());
        }
    }
}
