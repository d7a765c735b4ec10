package cn.studyflow.material;

/** One item of the second review's checklist: passed or failed, with a note. */
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

    public Long getReviewId() { return reviewId; }
    public void setReviewId(Long reviewId) { this.reviewId = reviewId; }
    public CheckItem getItem() { return item; }
    public void setItem(CheckItem item) { this.item = item; }
    public boolean isPassed() { return passed; }
    public void setPassed(boolean passed) { this.passed = passed; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
