package cn.studyflow.material;

import lombok.Getter;
import lombok.Setter;

/** One item of the second review's checklist: passed or failed, with a note. */
@Getter
@Setter
public class MaterialCheck {

    private Long reviewId;
    private CheckItem item;
    private boolean passed;
    private String note;

    public MaterialCheck() {
    }

    public MaterialCheck(CheckItem item, boolean passed, String note) {
        this.item = item;
        this.passed = passed;
        this.note = note;
    }
}
