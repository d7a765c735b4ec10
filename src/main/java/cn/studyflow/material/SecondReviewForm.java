package cn.studyflow.material;

import cn.studyflow.task.Decision;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import lombok.Getter;
import lombok.Setter;

/**
 * The publicity member's second review (复审): each {@link CheckItem} passed or failed, with a note that a
 * failed item must have. Any failed item returns the material.
 */
@Getter
@Setter
public class SecondReviewForm {

    static final int MAX_NOTE = 500;

    private Map<CheckItem, Boolean> passed = new EnumMap<>(CheckItem.class);
    private Map<CheckItem, String> notes = new EnumMap<>(CheckItem.class);
    private String comment;

    public void setPassed(Map<CheckItem, Boolean> passed) { this.passed = passed == null ? new EnumMap<>(CheckItem.class) : passed; }
    public void setNotes(Map<CheckItem, String> notes) { this.notes = notes == null ? new EnumMap<>(CheckItem.class) : notes; }

    /** A form with every item passed, as a batch approval records it. */
    static SecondReviewForm allPassed(String comment) {
        SecondReviewForm form = new SecondReviewForm();
        for (CheckItem item : CheckItem.values()) {
            form.passed.put(item, true);
        }
        form.comment = comment;
        return form;
    }

    Decision decision() {
        return passed.values().stream().allMatch(Boolean.TRUE::equals) && passed.size() == CheckItem.values().length
            ? Decision.APPROVE : Decision.RETURN;
    }

    String note(CheckItem item) {
        return MaterialForm.clean(notes.get(item));
    }

    /** The comment of the decision: the reviewer's own, or else the notes on the failed items. */
    String decisionComment() {
        String own = MaterialForm.clean(comment);
        if (own != null || decision() == Decision.APPROVE) {
            return own;
        }
        return Arrays.stream(CheckItem.values())
            .filter(item -> Boolean.FALSE.equals(passed.get(item)))
            .map(this::note)
            .filter(Objects::nonNull)
            .collect(Collectors.joining("；"));
    }
}
